# mailbox: write an mbox file in the working directory and read it back
import mailbox
from email.message import EmailMessage

box = mailbox.mbox("inbox.mbox")
for i in range(3):
    m = EmailMessage()
    m["Subject"] = f"message {i}"
    m["From"] = f"user{i}@example.com"
    m.set_content(f"body {i}\nFrom the start of a line\n")
    box.add(m)
box.flush()
box.close()
box = mailbox.mbox("inbox.mbox")
print(len(box), [m["subject"] for m in box])
print(box[1].get_payload().splitlines())
box.close()
