# plistlib: XML and binary property lists
import datetime
import plistlib

value = {"name": "App", "version": 3, "ratio": 0.5, "enabled": True, "tags": ["a", "b"],
         "data": b"\x00\x01", "when": datetime.datetime(2024, 1, 2, 3, 4, 5)}
xml = plistlib.dumps(value)
print(xml.decode())
print(plistlib.loads(xml) == value)
binary = plistlib.dumps(value, fmt=plistlib.FMT_BINARY)
print(binary[:8], plistlib.loads(binary) == value)
with open("x.plist", "wb") as fh:
    plistlib.dump({"k": 1}, fh, sort_keys=True)
with open("x.plist", "rb") as fh:
    print(plistlib.load(fh))
