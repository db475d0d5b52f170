"""Print the city line of each shipping address."""

ADDRESSES = [
    {"street": "1 Main St", "city": "Springfield"},
    {"street": "22 Elm Rd"},
]


def city_of(address):
    try:
        return address["city"]
    except KeyError:
        return ""


for address in ADDRESSES:
    print(f"{address['street']}, {city_of(address).upper()}")
