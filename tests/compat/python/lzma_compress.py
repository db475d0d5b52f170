# lzma: xz compression round trip (the _lzma extension may be missing in some builds)
import lzma

data = b"0123456789" * 1000
comp = lzma.compress(data)
print(lzma.decompress(comp) == data, len(comp) < 300)
print(lzma.decompress(lzma.compress(data, format=lzma.FORMAT_ALONE)) == data)
with lzma.open("f.xz", "wt") as fh:
    fh.write("hello xz\n")
with lzma.open("f.xz", "rt") as fh:
    print(fh.read())
