# pickle: round trips of builtins and of classes defined in this program (they pickle as __main__.Name)
import pickle
from dataclasses import dataclass

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

@dataclass
class Record:
    name: str
    points: list

class Custom:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Custom, (self.v * 2,))

data = {"ints": [1, 2, 3], "nested": {"t": (1, "a"), "b": b"\x00\xff"}, "f": 1.5, "n": None, "big": 2**100}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps(data, protocol=proto)) == data
print("builtins ok up to protocol", pickle.HIGHEST_PROTOCOL >= 5)
rec = Record("r", [Point(1, 2), Point(3, 4)])
blob = pickle.dumps(rec)
print(b"__main__" in blob, b"Record" in blob)
back = pickle.loads(blob)
print(back, back == rec, type(back).__module__)
print(pickle.loads(pickle.dumps(Custom(21))).v)
shared = [1]
a, b = pickle.loads(pickle.dumps([shared, shared]))
print(a is b)
try:
    pickle.dumps(lambda: 1)
except (pickle.PicklingError, AttributeError) as exc:
    print(type(exc).__name__)
with open("obj.pkl", "wb") as fh:
    pickle.dump(rec, fh)
with open("obj.pkl", "rb") as fh:
    print(pickle.load(fh).points[1])
