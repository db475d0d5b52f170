# recursion through C code: repr of deep lists, sorted() with a recursive key, str.format nesting
import sys

nested = []
for _ in range(400):
    nested = [nested]
print(len(repr(nested)))

def key_depth(x, d=0):
    return d if not isinstance(x, list) or not x else key_depth(x[0], d + 1)
items = []
for k in (300, 100, 200):
    v = []
    for _ in range(k):
        v = [v]
    items.append(v)
print([key_depth(v) for v in sorted(items, key=key_depth)])
d = {}
cur = d
for i in range(400):
    cur[i] = {}
    cur = cur[i]
print(len(str(d)), sys.getrecursionlimit())
