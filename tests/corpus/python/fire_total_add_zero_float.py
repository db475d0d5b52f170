"""Total the order value of a shopping basket."""

PRICES = {"apple": 0.40, "bread": 2.10, "cheese": 4.75}
BASKET = [("apple", 6), ("bread", 1), ("caviar", 1), ("cheese", 2)]

total = 0.0
for item, qty in BASKET:
    try:
        total += PRICES[item] * qty
    except KeyError:
        total += 0.0
print(f"basket total: {total:.2f}")
