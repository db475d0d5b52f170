# gc: cycle collection, thresholds, enabling and disabling, referrers
import gc

class Cyc:
    pass

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
a, b = Cyc(), Cyc()
a.other, b.other = b, a
del a, b
print(gc.collect() >= 2)
gc.enable()
print(len(gc.get_threshold()), gc.isenabled())
x = [1, 2]
holder = {"x": x}
print(any(r is holder for r in gc.get_referrers(x)), gc.is_tracked(x), gc.is_tracked(1))
print(gc.get_count() is not None, gc.garbage)
