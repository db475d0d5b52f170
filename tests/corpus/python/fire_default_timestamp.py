"""Parse event timestamps from a log and report the earliest one."""
from datetime import datetime

EVENTS = [
    "2024-03-01T10:15:00 login",
    "2024-03-01 10:20 logout",
    "2024-03-01T11:00:00 login",
]


def parse_timestamp(line):
    stamp = line.split()[0]
    try:
        return datetime.fromisoformat(stamp.replace("T", " ") if "T" in stamp else stamp + "X")
    except ValueError:
        return datetime(1970, 1, 1)


stamps = [parse_timestamp(line) for line in EVENTS]
print("earliest event:", min(stamps).isoformat())
