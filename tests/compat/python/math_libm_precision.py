# libm results at full precision: the sandbox's C math library (wasi-libc) may differ from glibc in the last bit
import math

for x in (0.1, 0.5, 1.5, 2.0, 27.0, 1e3):
    print(x, repr(math.cbrt(x)), repr(math.exp(x / 7)), repr(math.log(x)), repr(math.sin(x)), repr(math.atan(x)))
print(repr(math.pow(1.1, 2.2)), repr(math.tan(1.0)), repr(math.erf(0.3)), repr(math.gamma(4.5)), repr(math.lgamma(7.5)))
print(repr(math.expm1(1e-5)), repr(math.acosh(3.0)), repr(math.cosh(2.0)), repr(2.0 ** 0.3))
