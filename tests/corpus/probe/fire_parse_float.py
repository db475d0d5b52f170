def parse_float(text):
    try:
        return float(text)
    except ValueError:
        return 0.0


print(parse_float("2.5"))
