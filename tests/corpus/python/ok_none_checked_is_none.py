"""Price a shopping list and name the items that could not be priced."""

PRICES = {"pen": "1.20", "ink": "6.50", "pad": "three"}


def price_of(sku):
    try:
        return float(PRICES[sku])
    except (KeyError, ValueError):
        return None


missing = []
total = 0.0
for sku in ["pen", "pad", "ink", "stapler"]:
    price = price_of(sku)
    if price is None:
        missing.append(sku)
        continue
    total += price
print(f"total: {total:.2f}; no price for: {', '.join(missing)}")
