"""A snippet that turns off every monitoring event for tool 4."""
import sys

sys.monitoring.set_events(4, 0)
print("events now:", sys.monitoring.get_events(4))
