# dataclasses: defaults, factories, ordering, frozen, slots, asdict, replace, post_init
import dataclasses
from dataclasses import KW_ONLY, asdict, astuple, dataclass, field, fields, replace

@dataclass(order=True)
class Item:
    sort_key: int = field(init=False, repr=False)
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = -int(self.price)

items = [Item("a", 1.5), Item("b", 9.0, ["x"]), Item("c")]
print(sorted(items))
print(asdict(items[1]), astuple(items[2]))
print([f.name for f in fields(Item)], replace(items[0], name="z"))

@dataclass(frozen=True, slots=True)
class P:
    x: int
    y: int = 0
    _: KW_ONLY
    label: str = "p"

p = P(1, label="q")
print(p, hash(p) == hash(P(1, label="q")), hasattr(p, "__dict__"))
try:
    p.x = 5
except dataclasses.FrozenInstanceError as exc:
    print("FrozenInstanceError:", exc)
Dyn = dataclasses.make_dataclass("Dyn", [("a", int), ("b", str, field(default="B"))])
print(Dyn(1), dataclasses.is_dataclass(Dyn), Item.__match_args__)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as exc:
    print("ValueError:", exc)
