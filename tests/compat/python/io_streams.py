# io: StringIO, BytesIO, TextIOWrapper, buffered readers, newline handling
import io

s = io.StringIO("line1\nline2\r\nline3")
print(s.readline(), s.readlines(), s.tell())
s = io.StringIO()
print("written", 1, 2, sep="|", file=s)
print(repr(s.getvalue()))
b = io.BytesIO(b"0123456789")
b.seek(3)
print(b.read(4), b.tell(), b.getbuffer().nbytes)
b.seek(0, io.SEEK_END)
b.write(b"!")
print(b.getvalue())
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-16-le", newline="\r\n")
w.write("a\nb")
w.flush()
print(w.buffer.getvalue())
r = io.TextIOWrapper(io.BytesIO(b"x\r\ny\rz\n"), encoding="ascii", newline=None)
print(r.readlines())
br = io.BufferedReader(io.BytesIO(b"abcdef"), buffer_size=2)
print(br.peek(1)[:1], br.read(3), br.read())
with open("io_test.txt", "w", newline="") as fh:
    fh.write("a\r\nb\n")
with open("io_test.txt", "rb") as fh:
    print(fh.read())
with open("io_test.txt") as fh:
    print(fh.read().splitlines(), fh.encoding.lower())
try:
    io.StringIO().buffer
except AttributeError as exc:
    print("AttributeError")
