# tracemalloc: start, measure an allocation, snapshot statistics (only comparisons printed)
import tracemalloc

tracemalloc.start()
before, _ = tracemalloc.get_traced_memory()
blob = [bytes(1000) for _ in range(100)]
after, peak = tracemalloc.get_traced_memory()
print(tracemalloc.is_tracing(), after - before >= 100_000, peak >= after)
snap = tracemalloc.take_snapshot()
stats = snap.statistics("lineno")
print(len(stats) > 0, stats[0].size > 0)
del blob
tracemalloc.stop()
print(tracemalloc.is_tracing())
