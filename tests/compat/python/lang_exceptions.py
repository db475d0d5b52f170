# exceptions: try/except/else/finally order, re-raise, custom hierarchies, context, exception groups
class AppError(Exception):
    """Base error."""
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"{key!r} not found")
        self.key = key

def lookup(d, key):
    try:
        value = d[key]
    except KeyError:
        raise NotFound(key) from None
    else:
        print("found", key)
        return value
    finally:
        print("lookup done", key)

print(lookup({"a": 1}, "a"))
try:
    lookup({}, "b")
except AppError as exc:
    print(type(exc).__name__, exc, exc.key, exc.__cause__, exc.__suppress_context__)
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("while handling")
except TypeError as exc:
    print(type(exc.__context__).__name__, exc.__context__)
def f():
    try:
        return "from try"
    finally:
        print("finally before return")
print(f())
errors = []
for item in ["1", "x", "3", None]:
    try:
        errors.append(int(item))
    except (ValueError, TypeError) as exc:
        errors.append(type(exc).__name__)
print(errors)
eg = ExceptionGroup("group", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
print(isinstance(NotFound("k"), AppError), NotFound.__mro__[1].__name__, AppError.__doc__)
