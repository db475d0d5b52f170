# zoneinfo: the UTC zone (needs tzdata or the system zone files) next to datetime.timezone.utc
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

utc = ZoneInfo("UTC")
dt = datetime(2024, 3, 31, 1, 30, tzinfo=utc)
print(dt.isoformat(), dt.tzname(), dt.utcoffset(), str(utc))
print(dt.astimezone(timezone(timedelta(hours=-5))).isoformat())
print(dt == datetime(2024, 3, 31, 1, 30, tzinfo=timezone.utc))
