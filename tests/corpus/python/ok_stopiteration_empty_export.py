"""Read CSV exports into dicts; an empty export simply has no records."""
import csv
import io

EXPORTS = {"january": "id,amount\n1,9.99\n2,15.00\n", "february": ""}


def records(text):
    rows = csv.reader(io.StringIO(text))
    try:
        header = next(rows)
    except StopIteration:
        return []
    return [dict(zip(header, row)) for row in rows]


for month, text in EXPORTS.items():
    print(month, records(text))
