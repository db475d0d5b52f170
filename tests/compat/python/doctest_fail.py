# doctest.testmod() with a doctest that fails on purpose: the failure is shown and the exit status is 1
import contextlib
import doctest
import io
import os
import re
import sys

def square(x):
    """Square a number.

    >>> square(3)
    9
    >>> square(-2)
    5
    """
    return x * x

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    result = doctest.testmod()
# file paths differ between runs: keep only the file's base name
print(re.sub(r'File "([^"]*)"', lambda m: f'File "{os.path.basename(m.group(1))}"', buf.getvalue()), end="")
print(result)
sys.exit(1 if result.failed else 0)
