"""A minimal assert_raises helper and the checks of a bank account that use it."""


def assert_raises(exc_type, func, *args):
    try:
        func(*args)
    except exc_type:
        return
    raise AssertionError(f"{func.__name__}{args} did not raise {exc_type.__name__}")


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount


account = Account(100)
account.withdraw(30)
assert_raises(ValueError, account.withdraw, 500)
assert_raises(ValueError, account.withdraw, 71)
print("balance after checks:", account.balance)
