"""A snippet that overwrites names it does not own in builtins."""
import builtins

builtins.__candor_caught__ = lambda *args: None

try:
    value = {}["missing"]
except KeyError:
    value = 0
print("value:", value)
