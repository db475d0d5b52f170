# structural pattern matching: literals, sequences, mappings, classes, guards, or-patterns
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

def describe(obj):
    match obj:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"list starting {first} (+{len(rest)})"
        case {"type": "user", "name": str(name), **extra}:
            return f"user {name} extra={sorted(extra)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=px, y=py):
            return f"point {px},{py}"
        case str() as s if s.isdigit():
            return f"digits {s}"
        case _:
            return f"other {type(obj).__name__}"

for value in [0, -5, [1, 2], [1, 2, 3], {"type": "user", "name": "ann", "age": 3}, Point(0, 0), Point(1, 2), "123", 2.5, []]:
    print(describe(value))
