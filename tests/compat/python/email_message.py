# email: build a message, parse one back, address and date helpers, multipart with a fixed boundary
import email
import email.policy
import email.utils
from datetime import datetime, timezone
from email.message import EmailMessage

msg = EmailMessage()
msg["From"] = email.utils.formataddr(("Ann Example", "ann@example.com"))
msg["To"] = "bob@example.org, Carol <carol@example.net>"
msg["Subject"] = "Quarterly report ✓"
msg["Date"] = email.utils.format_datetime(datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
msg.set_content("Hello Bob,\nnumbers attached.\n")
msg.add_attachment(b"a,b\n1,2\n", maintype="text", subtype="csv", filename="r.csv")
msg.set_boundary("BOUNDARY")
text = msg.as_string()
print(text)
parsed = email.message_from_string(text, policy=email.policy.default)
print(parsed["subject"], parsed.get_content_type(), parsed.is_multipart())
for part in parsed.iter_attachments():
    print(part.get_filename(), part.get_content())
print(parsed.get_body(("plain",)).get_content())
print(email.utils.parseaddr("Carol <carol@example.net>"), email.utils.getaddresses(["a@b.c, D <d@e.f>"]))
print(email.utils.parsedate_to_datetime("Tue, 02 Jan 2024 03:04:05 +0000").isoformat())
