# bz2: compression round trip (the _bz2 extension may be missing in some builds)
import bz2

data = b"abcabcabc" * 1000
comp = bz2.compress(data)
print(bz2.decompress(comp) == data, len(comp) < 200)
with bz2.open("f.bz2", "wt") as fh:
    fh.write("hello bz2\n")
with bz2.open("f.bz2", "rt") as fh:
    print(fh.read())
