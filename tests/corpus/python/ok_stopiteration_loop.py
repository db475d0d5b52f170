"""Pair up consecutive readings from an iterator by hand."""

readings = iter([3, 5, 8, 13, 21])
pairs = []
while True:
    try:
        first = next(readings)
        second = next(readings)
    except StopIteration:
        break
    pairs.append((first, second))
print("pairs:", pairs)
