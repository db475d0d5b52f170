"""Parse invoice amounts with Decimal precision."""
from decimal import Decimal, InvalidOperation

AMOUNTS = ["19.99", "5,00", "7.50"]


def parse_amount(text):
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal("0.00")


print("invoice total:", sum(parse_amount(a) for a in AMOUNTS))
