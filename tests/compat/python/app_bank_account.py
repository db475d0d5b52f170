# a typical script: a class with validation, custom exceptions, a transaction log and __str__
class InsufficientFunds(Exception):
    pass

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.log = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.log.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner} has {self._balance}, needs {amount}")
        self._balance -= amount
        self.log.append(("withdraw", amount))

    def __str__(self):
        return f"{self.owner}: {self._balance:.2f} ({len(self.log)} transactions)"

acct = Account("ann", 100)
acct.deposit(50)
acct.withdraw(30)
for bad in (lambda: acct.deposit(-5), lambda: acct.withdraw(1000)):
    try:
        bad()
    except (ValueError, InsufficientFunds) as exc:
        print(type(exc).__name__, exc)
print(acct, acct.log)
acct.withdraw(500)
