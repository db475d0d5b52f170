"""A snippet that switches off the debugger hooks it finds."""
import sys

sys.monitoring.free_tool_id(4)

total = 0
for value in ["1", "2", "x"]:
    try:
        total += int(value)
    except ValueError:
        pass
print("total:", total)
