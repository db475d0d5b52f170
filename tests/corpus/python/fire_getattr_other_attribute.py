"""Print the shipping label name for each order's customer."""


class Customer:
    def __init__(self, username, **extra):
        self.username = username
        for key, value in extra.items():
            setattr(self, key, value)


def field(record, name, fallback_name):
    try:
        return getattr(record, name)
    except AttributeError:
        return getattr(record, fallback_name)


orders = [Customer("ada_l", legal_name="Ada Lovelace"), Customer("gh1906")]
for number, customer in enumerate(orders, start=1):
    print(f"order {number}: ship to {field(customer, 'legal_name', 'username')}")
