# tarfile: build a gzip'd tar in memory with fixed metadata, list and extract
import io
import tarfile

buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as tf:
    for name, data in [("docs/readme.txt", b"read me\n"), ("bin/tool", b"#!/bin/sh\necho hi\n")]:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = 1_600_000_000
        info.mode = 0o755 if name.startswith("bin") else 0o644
        tf.addfile(info, io.BytesIO(data))
    d = tarfile.TarInfo("empty")
    d.type = tarfile.DIRTYPE
    tf.addfile(d)
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:*") as tf:
    for m in tf.getmembers():
        print(m.name, m.size, oct(m.mode), m.isdir(), m.mtime)
    print(tf.extractfile("docs/readme.txt").read())
    tf.extractall("untarred", filter="data")
print(open("untarred/bin/tool").read().splitlines()[1])
with tarfile.open("plain.tar", "w") as tf:
    tf.add("untarred/docs/readme.txt", arcname="r.txt")
with tarfile.open("plain.tar") as tf:
    print(tf.getnames(), tarfile.is_tarfile("plain.tar"))
