# pathlib: create, write, read, glob, rename, stat and delete in the working directory
import errno
from pathlib import Path, PurePosixPath

base = Path("work_pathlib")
(base / "sub" / "deep").mkdir(parents=True, exist_ok=True)
(base / "a.txt").write_text("alpha\nbeta\n", encoding="utf-8")
(base / "sub" / "b.csv").write_text("x,y\n1,2\n")
(base / "sub" / "deep" / "c.bin").write_bytes(bytes(range(10)))
print(sorted(p.relative_to(base).as_posix() for p in base.rglob("*")))
print(sorted(p.name for p in base.glob("*.txt")), (base / "a.txt").read_text().splitlines())
print((base / "a.txt").stat().st_size, (base / "sub").is_dir(), (base / "nope").exists())
target = (base / "a.txt").rename(base / "renamed.txt")
print(target.name, target.suffix, target.stem, target.with_suffix(".md").name)
with target.open("a") as fh:
    fh.write("gamma\n")
print(len(target.read_text().splitlines()))
pp = PurePosixPath("/srv/data/archive.tar.gz")
print(pp.parent, pp.name, pp.suffixes, pp.parts, pp.with_name("x.zip"), pp.is_absolute())
print(PurePosixPath("a/b/../c").as_posix(), PurePosixPath("a") / "b" / "c.txt")
for p in sorted(base.rglob("*"), key=lambda p: len(p.parts), reverse=True):
    p.unlink() if p.is_file() else p.rmdir()
base.rmdir()
print(base.exists())
try:
    Path("missing.txt").read_text()
except FileNotFoundError as exc:
    print("FileNotFoundError", exc.errno == errno.ENOENT, exc.strerror)
