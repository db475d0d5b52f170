# gzip and zlib: round trips, checksums, streaming (no compressed bytes printed)
import gzip
import io
import zlib

data = b"The rain in Spain stays mainly in the plain. " * 50
comp = zlib.compress(data, 9)
print(zlib.decompress(comp) == data, len(comp) < len(data))
print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(b"abc", 0xFFFF))
co = zlib.compressobj(wbits=-15)
raw = co.compress(data) + co.flush()
do = zlib.decompressobj(wbits=-15)
print(do.decompress(raw) == data, do.eof)
g = gzip.compress(data, mtime=0)
print(gzip.decompress(g) == data, g[:4])
with gzip.open("data.txt.gz", "wt", encoding="utf-8") as fh:
    fh.write("line one\nline two\n")
with gzip.open("data.txt.gz", "rt") as fh:
    print(fh.readlines())
with gzip.GzipFile(fileobj=io.BytesIO(g)) as fh:
    print(len(fh.read()))
try:
    zlib.decompress(b"garbage")
except zlib.error as exc:
    print("zlib.error:", exc)
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as exc:
    print("BadGzipFile:", exc)
