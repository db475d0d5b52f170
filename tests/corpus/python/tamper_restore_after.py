"""A snippet that swaps the probe out and puts it back before the end."""
import builtins

original = getattr(builtins, "__candor_caught__", None)
builtins.__candor_caught__ = lambda *args: None
try:
    int("nope")
except ValueError:
    pass
builtins.__candor_caught__ = original
print("done")
