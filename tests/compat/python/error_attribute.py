# AttributeError on a None value from a failed lookup
import re

m = re.match(r"(\d+)", "abc")
print(m)
print(m.group(1))
