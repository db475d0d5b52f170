"""Find the first configured port that parses."""

CANDIDATES = ["http", "80a", "8080"]

port = None
for candidate in CANDIDATES:
    try:
        port = int(candidate)
    except ValueError:
        break
print("port:", port)
