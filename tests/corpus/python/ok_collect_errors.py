"""Validate all rows and report every problem at once."""

ROWS = [{"age": "31"}, {"age": "-4"}, {"age": "abc"}, {"age": "58"}]


def validate(rows):
    errors = []
    for number, row in enumerate(rows, start=1):
        try:
            age = int(row["age"])
            if age < 0:
                raise ValueError(f"negative age {age}")
        except ValueError as error:
            errors.append(f"row {number}: {error}")
    if errors:
        raise ValueError("; ".join(errors))


try:
    validate(ROWS)
except ValueError as problem:
    print("invalid input:", problem)
