"""Parse numeric cells, keeping integers as int."""


def parse_number(text):
    try:
        return int(text)
    except ValueError:
        return float(text)


print([parse_number(cell) for cell in ["3", "4.5", "10", "2e3"]])
