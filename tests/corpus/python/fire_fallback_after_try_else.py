# the success path returns in the `else:` of the try, so the constant after it
# runs only once the handler swallowed: it stands in for the missing price
def price(catalog, name):
    try:
        entry = catalog[name]
    except KeyError:
        pass
    else:
        return entry["price"]
    return 0


print(price({"tea": {"price": 3}}, "coffee"))
