# base64 and binascii: the encodings and checksums
import base64
import binascii

raw = b"\x00\xffhello world\xfe"
print(base64.b64encode(raw), base64.urlsafe_b64encode(raw), base64.b32encode(raw))
print(base64.b16encode(raw), base64.a85encode(raw), base64.b85encode(raw))
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGk="))
print(base64.standard_b64decode("YWJj"), base64.b32decode("MFRGG==="), base64.b32hexencode(b"ab"))
print(base64.encodebytes(b"x" * 60))
try:
    base64.b64decode("abc", validate=True)
except binascii.Error as exc:
    print("binascii.Error:", exc)
print(binascii.hexlify(b"\x01\xab", "-"), binascii.unhexlify("cafe"), binascii.crc32(b"hello"))
print(binascii.crc_hqx(b"hello", 0), binascii.b2a_base64(b"hi", newline=False), bytes.fromhex("de ad"))
print(b"\x10\x20".hex(":"), binascii.a2b_qp(b"a=3Db"), binascii.b2a_qp(b"a=b"))
