# warnings: an unfiltered warning goes to stderr with its source line (needs the program's source)
import warnings

def compute():
    warnings.warn("precision may be lost")
    return 42

print(compute())
