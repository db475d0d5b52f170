# fractions: arithmetic, limit_denominator, from_float, formatting
from fractions import Fraction
import math

a = Fraction(3, 4)
b = Fraction("5/6")
print(a + b, a * b, a / b, a - b, a ** 2, -a)
print(Fraction(0.1), Fraction(0.1).limit_denominator(100))
print(Fraction(math.pi).limit_denominator(1000), Fraction("1.25"), Fraction(10, -4))
print(a.numerator, a.denominator, float(b), round(Fraction(7, 2)), round(Fraction(5, 2)))
print(sum(Fraction(1, n) for n in range(1, 11)))
print(a < b, a == 0.75, hash(Fraction(1, 2)) == hash(0.5))
print(f"{Fraction(1, 3):.5f}", Fraction(1, 3).as_integer_ratio(), math.floor(Fraction(-7, 2)))
try:
    Fraction(1, 0)
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
