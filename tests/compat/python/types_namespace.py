# types and builtins: SimpleNamespace, MappingProxyType, new_class, functions and generators
import types

ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns == types.SimpleNamespace(a=1, b="two", c=[3]))
mp = types.MappingProxyType({"k": 1})
try:
    mp["k"] = 2
except TypeError:
    print("read-only", dict(mp))
Dyn = types.new_class("Dyn", (object,), {}, lambda ns: ns.update(x=5))
print(Dyn.x, Dyn.__name__)
def gen():
    yield 1
print(isinstance(gen(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType), type(None) is types.NoneType)
print(types.FunctionType, type(lambda: 0).__name__, isinstance(types, types.ModuleType))
m = types.ModuleType("virtual")
m.value = 3
print(m.__name__, m.value)
