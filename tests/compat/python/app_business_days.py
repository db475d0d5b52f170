# a typical script: business days between dates, month ends, ISO weeks, age computation
from datetime import date, timedelta
import calendar

def business_days(start, end, holidays=()):
    d, n = start, 0
    while d < end:
        if d.weekday() < 5 and d not in holidays:
            n += 1
        d += timedelta(days=1)
    return n

def month_end(d):
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])

def age(born, today):
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

print(business_days(date(2024, 1, 1), date(2024, 2, 1), {date(2024, 1, 1)}))
print([month_end(date(2024, m, 15)).isoformat() for m in (1, 2, 4, 12)])
print([date(2024, 12, 30).isocalendar().week, date(2021, 1, 3).isocalendar()[:2]])
print(age(date(1990, 6, 15), date(2024, 6, 14)), age(date(2000, 2, 29), date(2024, 2, 28)))
print((date(2025, 1, 1) - date(2024, 1, 1)).days, date(2024, 3, 31) + timedelta(weeks=4))
