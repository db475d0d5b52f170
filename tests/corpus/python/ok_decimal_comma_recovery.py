"""Parse prices typed by users in either '1234.5' or European '1234,5' form."""


def parse_price(text):
    try:
        return float(text)
    except ValueError:
        return float(text.replace(",", "."))


ENTRIES = ["19.99", "4,50", "1200", "0,99"]
prices = [parse_price(e) for e in ENTRIES]
print("prices:", prices)
print(f"sum: {sum(prices):.2f}")
