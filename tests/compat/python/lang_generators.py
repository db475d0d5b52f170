# generators and iterators: yield from, send, close, generator expressions, custom iterators
def countdown(n):
    while n > 0:
        yield n
        n -= 1

def chained():
    yield from countdown(3)
    result = yield from sub()
    yield f"sub returned {result}"

def sub():
    yield "sub"
    return 42

print(list(chained()))

def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x

acc = accumulator()
next(acc)
print([acc.send(v) for v in [5, 10, 20]])
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")
g = guarded()
print(next(g))
g.close()

class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(100)), sum(x * x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
squares = {x: x * x for x in range(5)}
print(squares, {x % 3 for x in range(10)}, [y for x in [[1, 2], [3]] for y in x])
print(list(zip(range(3), "abc", strict=True)), list(enumerate("xy", start=1)), list(reversed(range(3))))
