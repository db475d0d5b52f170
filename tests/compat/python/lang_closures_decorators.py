# closures, nonlocal, global, decorators with arguments, lambdas, default-argument pitfalls
import functools

counter_total = 0
def make_counter():
    count = 0
    def inc():
        nonlocal count
        global counter_total
        count += 1
        counter_total += 1
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c2(), counter_total)

def retry(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except ValueError as exc:
                    print(f"attempt {attempt} failed: {exc}")
            raise RuntimeError(f"{fn.__name__} failed {times} times")
        return wrapper
    return deco

calls = iter([ValueError("a"), ValueError("b"), "ok"])
@retry(3)
def flaky():
    v = next(calls)
    if isinstance(v, Exception):
        raise v
    return v
print(flaky(), flaky.__name__)
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs], (lambda *a, **k: (a, k))(1, b=2))
def memo(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner
@memo
def tri(n):
    return n if n < 2 else n + tri(n - 1)
print(tri(50), len(tri.cache))
