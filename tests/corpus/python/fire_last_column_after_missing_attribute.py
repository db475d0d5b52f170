"""Average score of a results table, read as `table.score`."""


class Results:
    """Columns as attributes (`results.score`) and by position (`results.iloc[:, -1]`)."""

    def __init__(self, **columns):
        self.columns = list(columns)
        self.data = list(columns.values())

    def __getattr__(self, name):
        raise AttributeError(f"no column {name!r}")

    @property
    def iloc(self):
        return ByPosition(self.data)


class ByPosition:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, index):
        rows, column = index
        return self.data[column][rows]


def average_score(results):
    try:
        scores = results.score
    except AttributeError:
        scores = results.iloc[:, -1]
    return sum(scores) / len(scores)


print(average_score(Results(name=["ann", "bo"], age=[31, 45], points=[7, 9])))
