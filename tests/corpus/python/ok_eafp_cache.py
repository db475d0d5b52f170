"""Memoised Fibonacci with an explicit cache dict."""

_cache = {}


def fib(n):
    try:
        return _cache[n]
    except KeyError:
        value = n if n < 2 else fib(n - 1) + fib(n - 2)
        _cache[n] = value
        return value


print("fib(30) =", fib(30))
