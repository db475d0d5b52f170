# collections: Counter, OrderedDict, defaultdict, deque, namedtuple, ChainMap, UserDict
from collections import ChainMap, Counter, OrderedDict, UserDict, defaultdict, deque, namedtuple

c = Counter("mississippi")
print(c.most_common(3), c["s"], c["z"], sorted(c.elements())[:5])
c.update({"m": 2})
print(c.total(), (c - Counter(i=10)).get("i"), +Counter(a=-1, b=2))
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(last=False))
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dict(dd), dd.default_factory.__name__)
dq = deque(range(5), maxlen=5)
dq.rotate(2)
dq.append(99)
dq.appendleft(-1)
print(dq, dq.maxlen, dq.count(3))
Point = namedtuple("Point", "x y", defaults=[0])
p = Point(3)
print(p, p._replace(y=4), p._asdict(), Point._fields, Point._field_defaults)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), cm.new_child({"c": 4})["c"], sorted(cm))

class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

ld = LowerDict()
ld["KEY"] = 1
print(ld, "key" in ld)
