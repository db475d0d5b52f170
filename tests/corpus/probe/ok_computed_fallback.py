def parse_amount(text):
    try:
        return float(text)
    except ValueError:
        return float(text.replace(",", "."))


print(parse_amount("2,5"))
