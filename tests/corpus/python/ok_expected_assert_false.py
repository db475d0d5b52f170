"""Checks for a duration parser: bad input must be rejected."""


def parse_duration(text):
    units = {"s": 1, "m": 60, "h": 3600}
    if not text or text[-1] not in units:
        raise ValueError(f"bad duration {text!r}")
    return int(text[:-1]) * units[text[-1]]


assert parse_duration("90s") == 90
assert parse_duration("2h") == 7200
for bad in ["", "10", "5d"]:
    try:
        parse_duration(bad)
        assert False, f"parse_duration({bad!r}) should have failed"
    except ValueError:
        pass
print("duration parser: all checks passed")
