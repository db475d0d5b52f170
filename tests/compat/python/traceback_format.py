# traceback: exception formatting without file paths (names, line numbers, chained exceptions)
import sys
import traceback

def inner():
    return {}["missing"]

def outer():
    try:
        inner()
    except KeyError as exc:
        raise ValueError("wrapped") from exc

try:
    outer()
except ValueError as exc:
    print(traceback.format_exception_only(exc))
    print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(exc.__traceback__)])
    print(type(exc.__cause__).__name__, exc.__cause__.args, exc.__suppress_context__)
    te = traceback.TracebackException.from_exception(exc)
    print(str(te), str(te.__cause__), "".join(te.format_exception_only()).strip())
    lines = "".join(traceback.format_exception(exc)).splitlines()
    print([l for l in lines if not l.startswith("  File") and not l.startswith("    ")])
try:
    1 / 0
except ZeroDivisionError:
    info = sys.exc_info()
    print(info[0].__name__, info[1], traceback.extract_tb(info[2])[-1].lineno)
summary = traceback.extract_stack()
print(summary[-1].name, summary[-1].lineno)
e = RuntimeError("with note")
e.add_note("extra context")
print(traceback.format_exception_only(e))
