"""Sums revenue per region from rows an upstream export produced."""

ROWS = [
    {"region": "north", "revenue": "120.5"},
    {"region": "south", "amount": "80"},
    {"region": "north", "revenue": "n/a"},
    {"region": "east"},
    {"region": "south", "revenue": "42"},
]


def revenue_by_region(rows):
    totals = {}
    for row in rows:
        try:
            value = float(row["revenue"])
        except KeyError:
            value = 0.0
        except ValueError:
            continue
        totals[row["region"]] = totals.get(row["region"], 0.0) + value
    return totals


print(revenue_by_region(ROWS))
