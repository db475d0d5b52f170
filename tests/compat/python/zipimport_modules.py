# zipimport: import a module from a zip archive the program writes
import sys
import zipfile

with zipfile.ZipFile("lib.zip", "w") as zf:
    zf.writestr("zipped_mod.py", "def hello():\n    return 'hello from the zip'\n")
    zf.writestr("zpkg/__init__.py", "X = 5\n")
sys.path.insert(0, "lib.zip")
import zipped_mod
import zpkg
print(zipped_mod.hello(), zpkg.X, type(zipped_mod.__loader__).__name__)
