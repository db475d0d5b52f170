def mean(values):
    try:
        return sum(values) / len(values)
    except ZeroDivisionError:
        return 0.0


print(mean([1, 2, 3]))
