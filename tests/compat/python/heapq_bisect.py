# heapq and bisect: heaps, merge, nlargest, insort, key functions
import bisect
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
print(heapq.nlargest(3, [4, 1, 7, 3, 8]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
data = [7, 2, 9]
heapq.heapify(data)
print(heapq.heappushpop(data, 1), heapq.heapreplace(data, 10), sorted(data))
tasks = []
for prio, name in [(2, "write"), (1, "read"), (2, "alpha")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(3)])
s = [1, 3, 3, 5, 8]
print(bisect.bisect_left(s, 3), bisect.bisect_right(s, 3), bisect.bisect(s, 10))
bisect.insort(s, 4)
print(s)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], score)] for score in [33, 99, 77, 70, 89]])
