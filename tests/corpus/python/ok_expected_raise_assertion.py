"""Tiny self-checks for a stack class, written without a test framework."""


class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)

    def pop(self):
        return self._items.pop()


def test_pop_empty_raises():
    stack = Stack()
    try:
        stack.pop()
        raise AssertionError("pop() on an empty stack should raise IndexError")
    except IndexError:
        pass


def test_push_pop():
    stack = Stack()
    stack.push(1)
    stack.push(2)
    assert stack.pop() == 2


for test in [test_pop_empty_raises, test_push_pop]:
    test()
    print(f"{test.__name__}: ok")
