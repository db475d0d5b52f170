"""Show the subscription plan each customer picked on the pricing page."""

PLANS = [("basic", 5.0), ("team", 12.0), ("enterprise", 40.0)]
CHOICES = {"ada": 1, "bob": 3, "eve": 2}


def chosen_plan(index):
    try:
        return PLANS[index]
    except IndexError:
        return PLANS[0]


monthly = 0.0
for customer, index in CHOICES.items():
    name, price = chosen_plan(index)
    monthly += price
    print(f"{customer}: {name} ({price:.2f}/month)")
print(f"monthly revenue: {monthly:.2f}")
