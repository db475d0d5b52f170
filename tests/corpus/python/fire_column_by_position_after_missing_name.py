"""Total revenue of a sales table whose revenue column was renamed upstream."""


class Table:
    """A small column table: a column by name, or by position through `iloc`."""

    def __init__(self, columns):
        self.names = list(columns)
        self.data = [list(values) for values in columns.values()]

    def __getitem__(self, name):
        if name not in self.names:
            raise KeyError(name)
        return self.data[self.names.index(name)]

    @property
    def iloc(self):
        return Positions(self)


class Positions:
    def __init__(self, table):
        self.table = table

    def __getitem__(self, index):
        rows, column = index
        return self.table.data[column][rows]


sales = Table({"region": ["north", "south"], "units": [3, 5], "amount": [120.5, 42.0]})
try:
    revenue = sales["revenue"]
except KeyError:
    revenue = sales.iloc[:, 2]
print("total revenue:", sum(revenue))
