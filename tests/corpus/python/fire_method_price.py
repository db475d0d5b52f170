"""Shopping cart that totals its items."""


class Item:
    def __init__(self, data):
        self.data = data

    def price(self):
        try:
            return float(self.data["price"])
        except KeyError:
            return 0.0


cart = [Item({"name": "pen", "price": "1.20"}), Item({"name": "ink"})]
print(f"cart total: {sum(item.price() for item in cart):.2f}")
