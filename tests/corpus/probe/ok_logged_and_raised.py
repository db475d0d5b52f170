PROBLEMS = []


def checked_ratio(a, b):
    try:
        return a / b
    except ZeroDivisionError as error:
        PROBLEMS.append(f"ratio of {a} to zero: {error}")
        raise


print(checked_ratio(3, 4))
