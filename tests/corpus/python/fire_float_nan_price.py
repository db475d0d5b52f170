"""Find the cheapest flat in a list of rental listings."""

LISTINGS = [("flat B", "on request"), ("flat A", "1450"), ("flat C", "1320")]

prices = {}
for name, text in LISTINGS:
    try:
        prices[name] = float(text)
    except ValueError:
        prices[name] = float("nan")

cheapest = min(prices, key=prices.get)
print(f"cheapest: {cheapest} at {prices[cheapest]:.0f}/month")
