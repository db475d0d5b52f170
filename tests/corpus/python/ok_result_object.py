"""Parse records into a result type that carries errors."""
from dataclasses import dataclass


@dataclass
class Result:
    ok: bool
    value: float | None = None
    error: str | None = None


def parse(text):
    try:
        return Result(True, float(text))
    except ValueError as exc:
        return Result(False, error=str(exc))


for text in ["1.5", "oops"]:
    print(parse(text))
