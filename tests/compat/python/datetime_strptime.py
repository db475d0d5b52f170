# datetime.strptime and strftime with common formats (needs the _strptime module)
from datetime import datetime, timezone

samples = [
    ("2024-03-15 08:45:00", "%Y-%m-%d %H:%M:%S"),
    ("15/03/2024", "%d/%m/%Y"),
    ("Mar 5 2021 1:33PM", "%b %d %Y %I:%M%p"),
    ("2023-W10-3", "%G-W%V-%u"),
    ("2024-01-02T03:04:05+0200", "%Y-%m-%dT%H:%M:%S%z"),
    ("Tuesday, 01 October 2019", "%A, %d %B %Y"),
    ("2020-366", "%Y-%j"),
]
for text, fmt in samples:
    parsed = datetime.strptime(text, fmt)
    print(f"{text!r:30} -> {parsed.isoformat()}")

dt = datetime(2024, 7, 4, 9, 5, 3, tzinfo=timezone.utc)
for fmt in ["%Y/%m/%d", "%a %b %d %H:%M:%S %Y", "%j %U %W", "%I %p", "%y%m%d", "%Z %z", "%%"]:
    print(fmt, "=>", dt.strftime(fmt))
try:
    datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as exc:
    print("ValueError:", exc)
