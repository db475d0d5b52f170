# gettext without catalogues, and wave: write and read a WAV file in memory
import gettext
import io
import struct
import wave

t = gettext.NullTranslations()
_ = t.gettext
print(_("Hello"), t.ngettext("file", "files", 1), t.ngettext("file", "files", 3))
print(gettext.translation("nodomain", localedir="no-such-dir", fallback=True).gettext("fallback"))
buf = io.BytesIO()
with wave.open(buf, "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(8000)
    w.writeframes(b"".join(struct.pack("<h", (i * 1000) % 32000) for i in range(100)))
buf.seek(0)
with wave.open(buf, "rb") as r:
    print(r.getnchannels(), r.getsampwidth(), r.getframerate(), r.getnframes(), struct.unpack("<3h", r.readframes(3)))
print(len(buf.getvalue()))
