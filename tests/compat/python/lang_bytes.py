# bytes, bytearray and memoryview: construction, slicing, methods, hex, mutation
b = b"hello world"
print(b[0], b[:5], b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.hex(), list(b[:3]))
ba = bytearray(b"abc")
ba[0] = ord("A")
ba.extend(b"def")
ba += b"!"
print(ba, ba.pop(), ba.decode(), bytes(ba[::-1]), bytearray(3), bytes([65, 66]), bytes.fromhex("414243"))
mv = memoryview(ba)
mv[1:3] = b"XY"
print(ba, mv.nbytes, mv[0], mv.tobytes(), mv.readonly, memoryview(b"ab").readonly)
nums = memoryview(bytearray(8)).cast("I")
nums[1] = 0xDEADBEEF
print(len(nums), nums.tolist(), nums.obj.hex())
print(b"a,b".split(b","), b"  x ".strip(), b"%d-%s" % (5, b"z"), b"abc" < b"abd", b"\x00\xff".decode("latin-1"))
print(b"abc".startswith(b"a"), b"Hello".isalpha(), b"12".isdigit(), b"x".center(5, b"-"), b"ab" * 2, bytes(range(250, 256)))
try:
    b"abc"[0] = 1
except TypeError as exc:
    print("TypeError:", exc)
