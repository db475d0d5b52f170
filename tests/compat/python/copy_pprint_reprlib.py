# copy, pprint and reprlib: deep copies with cycles, pretty printing, abbreviated reprs
import copy
import pprint
import reprlib

orig = {"list": [1, [2, 3]], "tuple": (4, [5])}
orig["self"] = orig
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
print(shallow["list"] is orig["list"], deep["list"] is orig["list"], deep["self"] is deep)

class Thing:
    def __init__(self):
        self.items = [1, 2]
    def __deepcopy__(self, memo):
        t = Thing()
        t.items = ["deep"] + copy.deepcopy(self.items, memo)
        return t
print(copy.deepcopy(Thing()).items)
data = {"name": "widget", "tags": ["a" * 10, "b" * 10, "c" * 10], "dims": {"w": 10, "h": 20, "d": list(range(12))},
        "z": None, "alpha": (1, 2)}
pprint.pprint(data, width=50)
pprint.pprint(data, width=50, sort_dicts=False, compact=True)
print(pprint.pformat(list(range(30)), width=40, indent=2))
print(pprint.pformat({"deep": {"deeper": {"deepest": [1]}}}, depth=2))
print(pprint.isreadable({"a": 1}), pprint.isrecursive(orig), pprint.saferepr(orig)[:40])
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(20)}))
r = reprlib.Repr(maxlist=3, maxstring=10)
print(r.repr([1, 2, 3, 4, 5]), r.repr("abcdefghijklmnop"))
