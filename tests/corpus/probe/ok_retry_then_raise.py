def first_number(values):
    for value in values:
        try:
            return int(value)
        except ValueError:
            continue
    raise ValueError("no number in the values")


print(first_number(["a", "7"]))
