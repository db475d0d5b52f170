"""Strict parsing: the handler re-raises on the path this run takes."""


class ParseError(Exception):
    pass


def parse_qty(text, mode):
    try:
        return int(text)
    except ValueError:
        if mode == "strict":
            raise
        if mode == "wrap":
            raise ParseError(f"bad quantity {text!r}")
        return 0


for mode in ["strict", "wrap"]:
    try:
        parse_qty("a dozen", mode)
    except (ValueError, ParseError) as error:
        print(mode, "->", type(error).__name__, error)
