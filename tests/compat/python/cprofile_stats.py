# cProfile, profile and pstats: call counts of functions in this program (no timings printed)
import cProfile
import io
import profile
import pstats

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def work():
    return [fib(10) for _ in range(3)]

def counts(stats, name):
    for (filename, line, func), (cc, nc, tt, ct, callers) in stats.stats.items():
        if func == name:
            return cc, nc
    return None

pr = cProfile.Profile()
pr.enable()
work()
pr.disable()
st = pstats.Stats(pr, stream=io.StringIO())
print("cProfile", counts(st, "fib"), counts(st, "work"))
p = profile.Profile()
p.runcall(work)
st2 = pstats.Stats(p, stream=io.StringIO())
print("profile", counts(st2, "fib"), counts(st2, "work"))
out = io.StringIO()
pstats.Stats(pr, stream=out).sort_stats("ncalls").print_stats(1)
print("function calls" in out.getvalue())
