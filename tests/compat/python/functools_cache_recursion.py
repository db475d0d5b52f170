# functools.cache: recursion through the C cache wrapper to depth 900
import functools
import sys

@functools.cache
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)

@functools.lru_cache(maxsize=None)
def path_sum(n):
    return n if n == 0 else n + path_sum(n - 1)

print(sys.getrecursionlimit())
print(count(900))
print(path_sum(900))
print(count.cache_info().currsize, path_sum.cache_info().misses)
