# calendar: text calendars, leap years, month ranges, weekdays, timegm
import calendar

print(calendar.month(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12, w=3))
print(calendar.isleap(1900), calendar.isleap(2000), calendar.leapdays(1900, 2024))
print(calendar.monthrange(2024, 2), calendar.weekday(2024, 7, 4), calendar.day_name[0], calendar.month_abbr[12])
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), list(calendar.Calendar().itermonthdays(2024, 2))[:7])
print(calendar.monthcalendar(2021, 2))
print(calendar.HTMLCalendar().formatmonth(2024, 1).count("<td"))
