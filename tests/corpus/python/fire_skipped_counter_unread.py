"""Import user rows into the mailing list."""

ROWS = [
    "ada@example.com,Ada",
    "grace-at-example.com,Grace",
    "linus@example.com,Linus",
]


def parse(line):
    email, name = line.split(",")
    if "@" not in email:
        raise ValueError(f"invalid email {email!r}")
    return {"email": email, "name": name}


subscribers = []
skipped = 0
for line in ROWS:
    try:
        subscribers.append(parse(line))
    except ValueError:
        skipped += 1
print(f"imported {len(subscribers)} subscribers")
