# collections.abc: ABC checks and a custom Mapping/MutableSequence built on the mixins
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, MutableSequence, Sequence, Sized

class Config(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

class Stack(MutableSequence):
    def __init__(self):
        self._items = []
    def __getitem__(self, i): return self._items[i]
    def __setitem__(self, i, v): self._items[i] = v
    def __delitem__(self, i): del self._items[i]
    def __len__(self): return len(self._items)
    def insert(self, i, v): self._items.insert(i, v)

c = Config(a=1, b=2)
print(dict(c), c.get("z", 0), "a" in c, list(c.items()), c == {"a": 1, "b": 2})
s = Stack()
s.append(1)
s.extend([2, 3])
s.reverse()
print(list(s), s.pop(), s.index(2), isinstance(s, Sequence), len(s))
print([isinstance(x, Iterable) for x in ([], "s", 1)], isinstance(iter([]), Iterator), isinstance(len, Callable))
print(isinstance([], Hashable), isinstance((), Hashable), isinstance({}, Sized), issubclass(dict, Mapping))
