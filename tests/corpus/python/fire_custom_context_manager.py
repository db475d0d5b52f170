"""A transaction helper that rolls back on error."""


class Transaction:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("begin")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append("rollback" if exc_type else "commit")
        return True


log = []
balance = {"alice": 100}
with Transaction(log):
    balance["alice"] -= 30
    balance["bob"] += 30
print(log, balance)
