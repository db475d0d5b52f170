# time: conversions of fixed timestamps and clocks that only move forward (no wall-clock values printed)
import time

print(time.gmtime(0), tuple(time.gmtime(1_700_000_000))[:6])
print(time.strftime("%a, %d %b %Y %H:%M:%S", time.gmtime(86400 * 365)))
print(time.asctime(time.gmtime(0)), time.asctime((2024, 3, 1, 12, 0, 0, 4, 61, 0)))
a = time.monotonic()
b = time.perf_counter()
time.sleep(0.01)
print(time.monotonic() >= a, time.perf_counter() > b, time.time() > 1_600_000_000)
print(type(time.time_ns()).__name__, time.process_time() >= 0, time.thread_time() >= 0)
print(time.get_clock_info("monotonic").monotonic)
