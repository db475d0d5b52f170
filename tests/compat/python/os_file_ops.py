# os: mkdir, listdir, walk, open/read/write with descriptors, rename, remove, environ
import os
import stat

os.makedirs("osdir/x/y", exist_ok=True)
for name in ["one.txt", "two.txt"]:
    with open(os.path.join("osdir", name), "w") as fh:
        fh.write(name * 3)
fd = os.open("osdir/x/raw.bin", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
print(os.write(fd, b"\x00\x01\x02hello"))
os.close(fd)
fd = os.open("osdir/x/raw.bin", os.O_RDONLY)
print(os.read(fd, 100), os.lseek(fd, 0, os.SEEK_END))
os.close(fd)
print(sorted(os.listdir("osdir")))
for root, dirs, files in sorted(os.walk("osdir")):
    print(root, sorted(dirs), sorted(files))
st = os.stat("osdir/one.txt")
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat("osdir").st_mode))
os.replace("osdir/one.txt", "osdir/x/one.txt")
os.remove("osdir/two.txt")
print(sorted(os.listdir("osdir")), os.path.getsize("osdir/x/one.txt"))
with os.scandir("osdir/x") as it:
    print(sorted((e.name, e.is_file()) for e in it))
print(os.path.join("a", "b", "c"), os.path.splitext("x.tar.gz"), os.path.normpath("a//b/./c/.."))
print(os.path.basename("/p/q.txt"), os.path.dirname("/p/q.txt"), os.path.isabs("rel"))
print(os.environ.get("CANDOR_COMPAT_UNSET", "unset"), os.sep, os.linesep == "\n", os.name)
os.environ["MY_VAR"] = "v"
print(os.getenv("MY_VAR"))
try:
    os.rmdir("osdir")
except OSError as exc:
    print(type(exc).__name__)
