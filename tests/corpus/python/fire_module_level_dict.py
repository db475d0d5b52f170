"""Merge feature flags from the environment into the defaults."""
import json
import os

flags = {"beta": False}
try:
    flags.update(json.loads(os.environ.get("FLAGS", "{beta: true}")))
except ValueError:
    flags = {"beta": False, "dark_mode": False}
print("flags:", flags)
