"""A missing column is reported with the columns that are there."""


class Table:
    def __init__(self, columns):
        self.names = list(columns)
        self.data = [list(values) for values in columns.values()]

    def __getitem__(self, name):
        if name not in self.names:
            raise KeyError(name)
        return self.data[self.names.index(name)]

    @property
    def iloc(self):
        return Positions(self.data)


class Positions:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, index):
        rows, column = index
        return self.data[column][rows]


def revenue(table):
    try:
        return table["revenue"]
    except KeyError as error:
        first = table.iloc[:, 0]
        raise ValueError(f"no revenue column; first column starts {first[:1]}") from error


try:
    print(sum(revenue(Table({"region": ["north"], "amount": [120.5]}))))
except ValueError as error:
    print("error:", error)
