# a typical script: parse log lines with a regex, count by level and hour, find slow requests
import re
from collections import Counter
from datetime import datetime

LOG = """2024-05-01 10:02:11 INFO GET /index 200 12ms
2024-05-01 10:15:43 WARN GET /search 200 830ms
2024-05-01 11:01:02 ERROR POST /api/order 500 1203ms
2024-05-01 11:30:00 INFO GET /index 304 3ms
malformed line here
2024-05-01 12:45:59 ERROR GET /api/user 503 2500ms
"""
pattern = re.compile(r"^(?P<ts>\S+ \S+) (?P<level>[A-Z]+) (?P<method>\w+) (?P<path>\S+) (?P<status>\d{3}) (?P<ms>\d+)ms$")
levels, hours, slow, bad = Counter(), Counter(), [], 0
for line in LOG.splitlines():
    m = pattern.match(line)
    if not m:
        bad += 1
        continue
    ts = datetime.strptime(m["ts"], "%Y-%m-%d %H:%M:%S")
    levels[m["level"]] += 1
    hours[ts.hour] += 1
    if int(m["ms"]) > 500:
        slow.append((m["path"], int(m["ms"])))
print(dict(sorted(levels.items())), dict(sorted(hours.items())), bad)
print(sorted(slow, key=lambda x: -x[1]))
