# email.mime: classic MIME classes with a fixed boundary, headers with non-ASCII text
from email.header import Header, decode_header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

outer = MIMEMultipart("mixed", boundary="===SEP===")
outer["Subject"] = Header("Résumé attached", "utf-8").encode()
outer["From"] = "a@example.com"
outer.attach(MIMEText("plain body", "plain", "utf-8"))
outer.attach(MIMEText("<b>html</b>", "html"))
att = MIMEApplication(b"\x00\x01binary", Name="data.bin")
att["Content-Disposition"] = 'attachment; filename="data.bin"'
outer.attach(att)
print(outer.as_string())
print(decode_header(outer["Subject"]))
print([p.get_content_type() for p in outer.walk()])
