"""Greet customers by their display name."""

CUSTOMERS = [{"first": "Ada", "last": "Lovelace"}, {"email": "x@example.com"}]

for customer in CUSTOMERS:
    try:
        name = f"{customer['first']} {customer['last']}"
    except KeyError:
        name = "unknown"
    print(f"Hello, {name}!")
