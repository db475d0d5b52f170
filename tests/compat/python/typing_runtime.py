# typing: runtime features (TypedDict, NamedTuple, Protocol, get_type_hints, get_args, cast)
from typing import (Any, Generic, Literal, NamedTuple, Protocol, TypedDict, TypeVar, cast, get_args,
                    get_origin, get_type_hints, runtime_checkable, overload)

class Movie(TypedDict, total=False):
    title: str
    year: int

class Pair(NamedTuple):
    left: int
    right: str = "r"

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...

class File:
    def close(self) -> None:
        pass

T = TypeVar("T")

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

def f(a: int, b: "list[str]", c: Literal["x", "y"] = "x") -> dict[str, int]:
    return {}

m: Movie = {"title": "Heat"}
print(m, Movie.__total__, sorted(Movie.__annotations__))
print(Pair(1), Pair(1)._fields, isinstance(File(), Closer), isinstance(1, Closer))
print(Box[int](3).item, cast(int, "not checked"))
hints = get_type_hints(f)
print(hints["a"], hints["b"], get_args(hints["c"]), get_origin(hints["return"]), get_args(hints["return"]))
print(get_origin(list[int]) is list, get_args(tuple[int, ...]))

@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x: Any) -> Any:
    return x
print(g(1), g("s"))
