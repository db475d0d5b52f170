"""Turn order lines like 'SKU;price;qty' into a revenue total."""

LINES = ["A-1;4.50;3", "B-2;12.00;x", "C-3;7.25;2"]

revenue = 0.0
for line in LINES:
    sku, raw_price, raw_qty = line.split(";")
    try:
        price, qty = float(raw_price), int(raw_qty)
    except ValueError:
        price, qty = 0.0, 0
    revenue += price * qty
print(f"revenue: {revenue:.2f}")
