# enum: Enum, IntEnum, StrEnum, Flag, auto, unique, lookup, iteration
import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()

class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20

class Mode(enum.StrEnum):
    FAST = enum.auto()
    SLOW = enum.auto()

print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.W in rw, Perm.X in rw, list(rw), ~Perm.R, Perm(0))
print(Level.LOW < Level.HIGH, Level.HIGH + 1, Level(20).name, sorted([Level.HIGH, Level.LOW]))
print(Mode.FAST, Mode.FAST == "fast", Mode("slow"), f"{Mode.SLOW}")
print(format(Level.LOW), str(Level.LOW), f"{Color.BLUE}")
try:
    Color(7)
except ValueError as exc:
    print("ValueError:", exc)
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as exc:
    print("ValueError:", exc)
Animal = enum.Enum("Animal", "ANT BEE CAT")
print(Animal.BEE.value, Animal.__members__.keys())
