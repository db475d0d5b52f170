# importlib: import a module the program writes to its working directory, then reload it
import importlib
import os
import sys

with open("mymod.py", "w") as fh:
    fh.write("VALUE = 1\ndef double(x):\n    return 2 * x\n")
sys.path.insert(0, os.getcwd())
importlib.invalidate_caches()
import mymod
print(mymod.VALUE, mymod.double(21), mymod.__name__)
with open("mymod.py", "w") as fh:
    fh.write("VALUE = 20\ndef double(x):\n    return 30 * x\n")
mymod = importlib.reload(mymod)
print(mymod.VALUE, mymod.double(21))
os.makedirs("pkg", exist_ok=True)
with open("pkg/__init__.py", "w") as fh:
    fh.write("from .inner import name\n")
with open("pkg/inner.py", "w") as fh:
    fh.write("name = 'inner module'\n")
pkg = importlib.import_module("pkg")
print(pkg.name, importlib.import_module("pkg.inner").name)
try:
    importlib.import_module("not_a_real_module_xyz")
except ModuleNotFoundError as exc:
    print("ModuleNotFoundError:", exc)
