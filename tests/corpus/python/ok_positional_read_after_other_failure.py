"""Sell-through per product; products with no stock are listed by name."""


class Table:
    def __init__(self, columns):
        self.names = list(columns)
        self.data = [list(values) for values in columns.values()]

    def __getitem__(self, name):
        return self.data[self.names.index(name)]

    @property
    def iloc(self):
        return Cells(self.data)


class Cells:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, index):
        row, column = index
        return self.data[column][row]


stock = Table({"product": ["pen", "ink", "pad"], "sold": [4, 2, 9], "stock": [8, 0, 10]})
ratios = {}
unstocked = []
for i in range(3):
    try:
        ratios[stock["product"][i]] = stock["sold"][i] / stock["stock"][i]
    except ZeroDivisionError:
        # the name, for the list of products to restock: no stand-in for the ratio
        name = stock.iloc[i, 0]
        unstocked.append(name)
print(ratios, "no stock:", unstocked)
