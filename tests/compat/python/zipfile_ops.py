# zipfile: write and read archives in memory and on disk, stored and deflated
import io
import zipfile

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    zf.writestr("hello.txt", "hello world\n" * 100)
    zf.writestr(zipfile.ZipInfo("dir/data.bin", date_time=(2020, 1, 2, 3, 4, 6)), bytes(range(256)))
    zf.writestr("stored.txt", "no compression", compress_type=zipfile.ZIP_STORED)
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
    print(zf.namelist())
    for info in zf.infolist():
        print(info.filename, info.file_size, info.compress_type, info.CRC)
    print(zf.read("hello.txt")[:12], len(zf.read("dir/data.bin")), zf.testzip())
    with zf.open("stored.txt") as fh:
        print(fh.read())
with zipfile.ZipFile("disk.zip", "w") as zf:
    zf.writestr("a.txt", "A")
with zipfile.ZipFile("disk.zip", "a") as zf:
    zf.writestr("b.txt", "B")
with zipfile.ZipFile("disk.zip") as zf:
    zf.extractall("unzipped")
print(sorted(open(f"unzipped/{n}").read() for n in ["a.txt", "b.txt"]), zipfile.is_zipfile("disk.zip"))
path = zipfile.Path("disk.zip", at="b.txt")
print(path.name, path.read_text())
try:
    zipfile.ZipFile(io.BytesIO(b"not a zip"))
except zipfile.BadZipFile as exc:
    print("BadZipFile:", exc)
