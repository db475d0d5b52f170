# time.strptime and date.strftime round trips
import time
from datetime import date

st = time.strptime("30 Nov 2000", "%d %b %Y")
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_wday, st.tm_yday)
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1_000_000_000)))
for y in (1999, 2000, 2024):
    d = date(y, 12, 31)
    print(d.strftime("%d.%m.%Y day %j week %W"))
print(date(2024, 2, 29).strftime("%A %B"))
