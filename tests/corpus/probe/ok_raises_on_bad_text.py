def parse_price(text):
    value = float(text)
    if value < 0:
        raise ValueError(f"negative price: {value}")
    return value


print(parse_price("2.5"))
