# datetime: construction, arithmetic, isoformat, timedelta, fixed-offset timezones
from datetime import date, datetime, time, timedelta, timezone

d = date(2024, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2))
print(d.isoformat(), d.weekday(), d.isoweekday(), d.isocalendar())
print(date.fromisoformat("2023-12-31").toordinal())
print(date.fromordinal(738000))

dt = datetime(2024, 3, 10, 14, 30, 5, 123456)
print(dt.isoformat(), dt.isoformat(timespec="seconds"))
print(dt.replace(microsecond=0) - datetime(2024, 1, 1))
print(repr(timedelta(days=-1, seconds=5)), timedelta(hours=36).total_seconds())

utc = timezone.utc
plus2 = timezone(timedelta(hours=2), "CEST")
aware = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(aware.isoformat(), aware.astimezone(plus2).isoformat(), aware.astimezone(plus2).tzname())
print(aware.timestamp(), datetime.fromtimestamp(0, tz=utc))
print(datetime.fromisoformat("2024-05-06T07:08:09+05:30").utcoffset())
print(time(23, 59, 59).isoformat(), time.fromisoformat("10:11:12.5").microsecond)
print(sorted([date(2020, 1, 1), date(2019, 5, 5), date(2021, 3, 3)]))
print(max(dt, datetime(2025, 1, 1)).year, dt < datetime(2025, 1, 1))
print(datetime.combine(d, time(8, 15)).ctime())
