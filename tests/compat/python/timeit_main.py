# timeit with setup="from __main__ import f" and with globals= (only that it ran is printed, no times)
import timeit

def f():
    return sum(range(100))

t = timeit.timeit("f()", setup="from __main__ import f", number=50)
print("timeit ran", t >= 0)
r = timeit.repeat("f()", setup="from __main__ import f", number=5, repeat=3)
print("repeat ran", len(r))
print("globals ran", timeit.Timer("f()", globals=globals()).timeit(number=10) >= 0)
n, total = timeit.Timer("x = 1").autorange()
print("autorange ran", n > 0)
