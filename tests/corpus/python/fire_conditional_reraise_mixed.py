"""Parse quantities; strict mode re-raises, lenient mode substitutes zero."""


def parse_qty(text, strict=False):
    try:
        return int(text)
    except ValueError:
        if strict:
            raise
        return 0


print("lenient:", parse_qty("a dozen"))
try:
    parse_qty("a dozen", strict=True)
except ValueError as error:
    print("strict:", error)
