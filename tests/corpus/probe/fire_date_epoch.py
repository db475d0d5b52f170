from datetime import datetime


def parse_date(text):
    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return datetime(1970, 1, 1)


print(parse_date("2024-05-01").year)
