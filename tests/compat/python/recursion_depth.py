# recursion: plain Python recursion to depth 900 (under the default limit of 1000)
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(sys.getrecursionlimit())
print(depth(900))
print(ackermann(2, 3))
class Tree:
    def __init__(self, n):
        self.child = Tree(n - 1) if n else None
    def height(self):
        return 1 + (self.child.height() if self.child else 0)
print(Tree(400).height())
