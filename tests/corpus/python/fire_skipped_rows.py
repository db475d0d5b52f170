"""Total quantity ordered across order lines."""

ORDERS = [
    {"sku": "A-1", "qty": "3"},
    {"sku": "B-7", "qty": "two"},
    {"sku": "C-2", "qty": "5"},
    {"sku": "D-9", "qty": ""},
]


def total_quantity(orders):
    total = 0
    for order in orders:
        try:
            qty = int(order["qty"])
        except ValueError:
            continue
        total += qty
    return total


print("total quantity:", total_quantity(ORDERS))
