# numbers, colorsys, fnmatch and glob
import colorsys
import fnmatch
import glob
import numbers
import os
from decimal import Decimal
from fractions import Fraction

print([isinstance(x, numbers.Number) for x in (1, 1.5, 1j, Decimal(1), Fraction(1, 2), "1")])
print(isinstance(Fraction(1, 2), numbers.Rational), isinstance(1.5, numbers.Integral), issubclass(bool, numbers.Integral))
print([round(c, 6) for c in colorsys.rgb_to_hsv(0.2, 0.4, 0.4)], colorsys.hsv_to_rgb(0, 1, 1), [round(c, 6) for c in colorsys.rgb_to_hls(1, 0.5, 0)])
names = ["main.py", "test_main.py", "README.md", "data.CSV", ".hidden.py"]
print(fnmatch.filter(names, "*.py"), fnmatch.fnmatch("data.CSV", "*.csv"), fnmatch.fnmatchcase("data.CSV", "*.csv"))
print(bool(__import__("re").match(fnmatch.translate("*.t?t"), "notes.txt")))
os.makedirs("g/sub", exist_ok=True)
for n in ["g/a.txt", "g/b.txt", "g/c.log", "g/sub/d.txt"]:
    open(n, "w").close()
print(sorted(glob.glob("g/*.txt")), sorted(glob.glob("g/**/*.txt", recursive=True)), glob.escape("a[1].txt"))
