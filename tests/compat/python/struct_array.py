# struct and array: explicit byte orders and fixed sizes
import array
import struct

packed = struct.pack("<hIq?3s", -2, 4000000000, -(2**40), True, b"abc")
print(packed.hex(), struct.calcsize("<hIq?3s"), struct.unpack("<hIq?3s", packed))
print(struct.pack(">f d", 1.5, -0.25).hex(), struct.unpack("!H", b"\x01\x02"))
rec = struct.Struct("=4sBH")
print(rec.size, rec.unpack(rec.pack(b"ab", 7, 513)), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
buf = bytearray(8)
struct.pack_into("<ii", buf, 0, 1, -1)
print(buf.hex(), struct.unpack_from("<i", buf, 4))
try:
    struct.pack("<B", 256)
except struct.error as exc:
    print("struct.error:", exc)
a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, a.itemsize, a.tolist()[::-1], a.index(3), a.buffer_info()[1])
d = array.array("d", [0.5, 1.5])
b = array.array("b", b"\x01\xff")
print(d.tobytes().hex(), b, array.array("q", [2**40]).itemsize)
le = array.array("H", [1, 256])
le.byteswap()
print(le.tolist(), array.array("B", range(5))[1:3])
