# contextlib: contextmanager, suppress, ExitStack, redirect_stdout, closing, nullcontext, chdir
import contextlib
import io
import os

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("div") as up:
    print("inside", up)
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in ("a", "b"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran first")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))

class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()):
    pass
with contextlib.nullcontext(5) as v:
    print(v)
os.makedirs("subdir", exist_ok=True)
before = os.getcwd()
with contextlib.chdir("subdir"):
    print(os.path.basename(os.getcwd()))
print(os.getcwd() == before)

class Managed(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True

@Managed()
def fails():
    raise RuntimeError("swallowed by the decorator")
fails()
