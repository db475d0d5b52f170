# quopri and base64 variants used by mail code
import base64
import quopri

text = "Grüße = greetings, a long line that goes well beyond seventy-six characters of quoted printable".encode("utf-8")
enc = quopri.encodestring(text)
print(enc.decode())
print(quopri.decodestring(enc) == text, quopri.encodestring(b"a b\t\n", quotetabs=True))
print(base64.b64encode(b"\xfb\xff"), base64.urlsafe_b64decode("-_8="))
