def parse_ratio(text, sep):
    """Parses "a<sep>b" into a / b.

    >>> parse_ratio("3:4", ":")
    0.75
    """
    try:
        a, b = text.split(sep)
        return int(a) / int(b)
    except ValueError:
        return 0.0


print("loaded")
