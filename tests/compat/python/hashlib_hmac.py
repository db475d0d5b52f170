# hashlib and hmac: digests of fixed data, pbkdf2, blake2 parameters, compare_digest
import hashlib
import hmac
import io

data = b"The quick brown fox jumps over the lazy dog"
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s"]:
    print(name, hashlib.new(name, data).hexdigest())
h = hashlib.sha256()
h.update(b"The quick brown fox ")
h2 = h.copy()
h.update(b"jumps over the lazy dog")
print(h.hexdigest() == hashlib.sha256(data).hexdigest(), h2.digest_size, h.block_size, h.name)
print(hashlib.blake2b(data, digest_size=16, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.shake_128(data).hexdigest(10))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.file_digest(io.BytesIO(data), "sha1").hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
mac = hmac.new(b"key", data, hashlib.sha256)
print(mac.hexdigest(), hmac.digest(b"key", data, "md5").hex())
print(hmac.compare_digest(mac.hexdigest(), mac.copy().hexdigest()), hmac.compare_digest(b"a", b"b"))
