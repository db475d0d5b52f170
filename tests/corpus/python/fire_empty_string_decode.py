"""Decode uploaded files and count their lines."""

UPLOADS = {"a.txt": b"one\ntwo\n", "b.txt": b"\xff\xfebinary\x00", "c.txt": b"x\n"}

line_counts = {}
for name, blob in UPLOADS.items():
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    line_counts[name] = len(text.splitlines())
print(line_counts)
