# doctest.testmod() finds and runs the doctests of this program (4 examples, all passing)
import doctest

def add(a, b):
    """Add two numbers.

    >>> add(2, 3)
    5
    >>> add("a", "b")
    'ab'
    """
    return a + b

class Stack:
    """A tiny stack.

    >>> s = Stack()
    >>> s.push(1); s.push(2); s.pop()
    2
    """
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        return self.items.pop()

if __name__ == "__main__":
    result = doctest.testmod()
    print(result)
    print(result.attempted > 0)
