"""Self-checks for a version parser, the expected failure asserted in `else:`."""


def parse_version(text):
    parts = text.split(".")
    if len(parts) != 3:
        raise ValueError(f"expected MAJOR.MINOR.PATCH, got {text!r}")
    return tuple(int(p) for p in parts)


def test_two_parts_is_refused():
    try:
        parse_version("1.2")
    except ValueError:
        pass
    else:
        raise AssertionError("a two-part version should be refused")


def test_letters_are_refused():
    try:
        parse_version("1.x.3")
    except ValueError:
        pass
    else:
        assert False, "letters should be refused"


test_two_parts_is_refused()
test_letters_are_refused()
assert parse_version("1.2.3") == (1, 2, 3)
print("ok")
