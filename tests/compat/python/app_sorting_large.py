# sorting 200 000 seeded random records by several keys
import random

rng = random.Random(99)
records = [(rng.randint(0, 1000), rng.random(), f"id{i}") for i in range(200_000)]
records.sort(key=lambda r: (r[0], -r[1]))
print(records[0][0], records[-1][0], records[100_000][2])
print(sorted(r[0] for r in records[:10]), len({r[0] for r in records}))
s = sorted(range(100_000), key=lambda x: (x * 7919) % 100_003)
print(s[:5], s[-1])
