def optional_float(text):
    if not text:
        return None
    return float(text)


def positive(x):
    if x <= 0:
        raise ValueError(f"not positive: {x}")
    return x


print(optional_float("1.5"), positive(3))
