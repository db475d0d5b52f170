# functools: reduce, partial, lru_cache info, cached_property, singledispatch, total_ordering, wraps
import functools

print(functools.reduce(lambda a, b: a * b, range(1, 8)))
int2 = functools.partial(int, base=2)
print(int2("1011"), int2.keywords)

@functools.lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())

class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print("computing")
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area)

@functools.singledispatch
def show(x):
    return f"object {x!r}"

@show.register
def _(x: int):
    return f"int {x}"

@show.register(list)
def _(x):
    return f"list of {len(x)}"

print(show(1), show([1, 2]), show("s"))

@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts

print(Version(1, 2) >= Version(1, 1), Version(1, 0) > Version(1, 0))

def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner

@deco
def documented():
    "docstring here"

print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))
