"""Merges settings: a missing override keeps a copy of the row it was given."""

DEFAULTS = {"retries": 3, "timeout": 5}


def settings(row, overrides):
    merged = dict(row)
    try:
        merged["retries"] = int(overrides["retries"])
    except KeyError:
        merged = dict(merged)
    return merged


def first_row(rows):
    try:
        return rows[0]
    except IndexError:
        raise ValueError("no rows") from None


print(settings(DEFAULTS, {}), settings(DEFAULTS, {"retries": "7"}))
try:
    first_row([])
except ValueError as error:
    print("refused:", error)
