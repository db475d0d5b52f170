"""Apply a batch of stock movements to the inventory."""
import contextlib

inventory = {"apple": 10, "pear": 4}
movements = [("apple", -3), ("banana", 5), ("pear", 2)]

for sku, delta in movements:
    with contextlib.suppress(KeyError):
        inventory[sku] += delta

print("inventory after movements:", inventory)
