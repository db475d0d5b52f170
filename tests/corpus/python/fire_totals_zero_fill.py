"""Monthly spending per category from bank transactions."""

TRANSACTIONS = [
    ("groceries", "54.20"),
    ("rent", "950.00"),
    ("travel", "1,240.00"),
    ("groceries", "38.75"),
]

totals = {}
for category, amount in TRANSACTIONS:
    try:
        totals[category] = totals.get(category, 0.0) + float(amount)
    except ValueError:
        totals[category] = 0
for category, total in sorted(totals.items()):
    print(f"{category:<10} {total:>9.2f}")
