# errno: raw errno numbers (WASI numbers them differently from Linux: compare with errno.ENOENT, not 2)
import errno
import os

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.ENOTDIR)
try:
    os.stat("no-such-file")
except OSError as exc:
    print(exc.errno, exc.errno == errno.ENOENT, errno.errorcode[exc.errno], os.strerror(exc.errno))
