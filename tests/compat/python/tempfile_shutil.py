# tempfile and shutil: temporary files and directories, copy, move, rmtree, archives
import os
import shutil
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "inner"))
    for i in range(3):
        with open(os.path.join(src, f"f{i}.txt"), "w") as fh:
            fh.write("x" * (i + 1))
    with open(os.path.join(src, "inner", "deep.txt"), "w") as fh:
        fh.write("deep")
    dst = os.path.join(tmp, "dst")
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("f0*"))
    print(sorted(os.listdir(dst)))
    shutil.copyfile(os.path.join(src, "f2.txt"), os.path.join(tmp, "copy.txt"))
    shutil.move(os.path.join(tmp, "copy.txt"), os.path.join(dst, "moved.txt"))
    print(sorted(os.listdir(dst)), open(os.path.join(dst, "moved.txt")).read())
    archive = shutil.make_archive(os.path.join(tmp, "arch"), "zip", root_dir=src)
    print(os.path.basename(archive))
    out = os.path.join(tmp, "unpacked")
    shutil.unpack_archive(archive, out)
    print(sorted(os.path.relpath(os.path.join(r, f), out) for r, _, fs in os.walk(out) for f in fs))
    shutil.rmtree(dst)
    print(os.path.exists(dst))
with tempfile.NamedTemporaryFile("w+", suffix=".log") as fh:
    fh.write("temp data")
    fh.seek(0)
    print(fh.read(), fh.name.endswith(".log"))
with tempfile.SpooledTemporaryFile(max_size=10) as sp:
    sp.write(b"0123456789abcdef")
    sp.seek(0)
    print(sp.read())
fd, path = tempfile.mkstemp(prefix="pre")
os.write(fd, b"abc")
os.close(fd)
print(os.path.basename(path).startswith("pre"), os.path.getsize(path))
os.unlink(path)
print(shutil.which("definitely-not-a-command-xyz"))
