# inspect: getsource of functions and classes defined in this program, signatures, members
import inspect

def greet(name: str, *, punct: str = "!") -> str:
    """Say hello."""
    return f"Hello, {name}{punct}"

class Greeter:
    """A greeter."""
    def hello(self, who="you"):
        return greet(who)

print(inspect.getsource(greet))
print(inspect.getsource(Greeter.hello))
print(inspect.signature(greet), inspect.signature(Greeter.hello))
print(inspect.getdoc(greet), inspect.getdoc(Greeter))
print(inspect.isfunction(greet), inspect.ismethod(Greeter().hello), inspect.isclass(Greeter))
print([n for n, _ in inspect.getmembers(Greeter, inspect.isfunction)])
print(inspect.getsourcelines(greet)[1], inspect.getmodule(greet).__name__)
sig = inspect.signature(greet)
print([(p.name, p.kind.name, p.default) for p in sig.parameters.values()])
print(sig.bind("Ann", punct="?").arguments)
frame = inspect.currentframe()
print(frame.f_code.co_name, inspect.getframeinfo(frame).function, inspect.stack()[0].function)
