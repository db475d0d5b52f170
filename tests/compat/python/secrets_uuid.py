# secrets and uuid: random tokens (lengths only), name-based uuids (exact), uuid structure
import secrets
import string
import uuid

print(len(secrets.token_hex(16)), len(secrets.token_bytes(24)), len(secrets.token_urlsafe(32)))
print(secrets.choice("abc") in "abc", 0 <= secrets.randbelow(10) < 10, secrets.randbits(8) < 256)
pw = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(20))
print(len(pw), pw.isalnum(), secrets.compare_digest("x", "x"))
u = uuid.uuid4()
print(u.version, u.variant == uuid.RFC_4122, len(str(u)), str(u).count("-"), len(u.hex), len(u.bytes))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com"))
x = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(x.int, x.urn, x.fields, uuid.UUID(bytes=x.bytes) == x, uuid.UUID("{12345678123456781234567812345678}"))
t = uuid.uuid1()
print(t.version, len(str(t)))
try:
    uuid.UUID("not-a-uuid")
except ValueError as exc:
    print("ValueError:", exc)
