"""Parse 'lat,lon' strings into coordinates."""


def parse_point(text):
    try:
        lat, lon = (float(part) for part in text.split(","))
        return lat, lon
    except ValueError:
        return (0.0, 0.0)


for text in ["52.52,13.40", "48.85;2.35"]:
    print(text, "->", parse_point(text))
