"""Reads stock lines; a line whose numbers do not parse keeps its name."""
TEXT = "bolt,40,0.10\nnut,forty,0.05\nwasher,100,0.02"


def stock(text):
    items = []
    for line in text.splitlines():
        name, count, cost = line.split(",")
        try:
            items.append({"name": name, "count": int(count), "cost": float(cost)})
        except ValueError:
            items.append({"name": name, "count": 0, "cost": 0.0})
    return items


print(sum(i["count"] * i["cost"] for i in stock(TEXT)))
