"""A snippet that frees tool 4 and takes it again under the harness's name."""
import sys

name = sys.monitoring.get_tool(4)
sys.monitoring.free_tool_id(4)
sys.monitoring.use_tool_id(4, name)
sys.monitoring.set_events(4, sys.monitoring.events.PY_UNWIND | sys.monitoring.events.EXCEPTION_HANDLED)
print("tool 4 is", sys.monitoring.get_tool(4))
