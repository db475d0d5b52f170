"""Average price from a CSV export whose header row went missing."""
import csv
import io

EXPORT = "widget,4.50\ngadget,12.00\ngizmo,7.25\n"


def read_prices(text):
    prices = []
    for row in csv.reader(io.StringIO(text)):
        try:
            price = row["price"]
        except (KeyError, TypeError):
            price = row[1]
        prices.append(float(price))
    return prices


prices = read_prices(EXPORT)
print(f"average price: {sum(prices) / len(prices):.2f}")
