# codecs and str.encode: common encodings, BOMs, error handlers, rot13, idna, incremental decoding
import codecs

s = "Grüße, 世界 ✓"
for enc in ["utf-8", "utf-16-le", "utf-16", "utf-32-be", "latin-1", "cp1252", "ascii", "cp437", "shift_jis", "euc-kr", "koi8-r", "mac-roman"]:
    try:
        print(enc, s.encode(enc).hex())
    except UnicodeEncodeError as exc:
        print(enc, "UnicodeEncodeError", exc.start, exc.end, exc.reason)
print(s.encode("ascii", "replace"), s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print(b"\xff\xfeA\x00".decode("utf-16"), codecs.BOM_UTF8, b"abc\xff".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
print(codecs.encode("Hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "base64"))
print("bücher.example".encode("idna"), b"xn--bcher-kva.example".decode("idna"))
dec = codecs.getincrementaldecoder("utf-8")()
print([dec.decode(bytes([b])) for b in "é✓".encode()])
print(codecs.lookup("UTF8").name, codecs.lookup("latin_1").name)
try:
    b"\xc3\x28".decode("utf-8")
except UnicodeDecodeError as exc:
    print("UnicodeDecodeError:", exc)
