def share(part: int, whole: int) -> float:
    """The part's share of the whole."""
    try:
        return part / whole
    except ZeroDivisionError:
        return 0.0
