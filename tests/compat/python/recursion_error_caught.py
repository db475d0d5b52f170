# RecursionError: unbounded recursion is caught, and the program carries on afterwards
import sys

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as exc:
    print("caught RecursionError:", str(exc).split(" while")[0])
print("still running", sum(range(10)))

def countdown(n):
    return n if n == 0 else countdown(n - 1)
print(countdown(500))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())
try:
    forever(0)
except RecursionError:
    print("caught again with a higher limit")
