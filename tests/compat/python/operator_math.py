# operator and math: getters, method callers, number theory and float functions
import math
import operator as op

rows = [{"n": "b", "v": 2}, {"n": "a", "v": 2}, {"n": "c", "v": 1}]
print(sorted(rows, key=op.itemgetter("v", "n")))
print(op.attrgetter("real", "imag")(3 + 4j), op.methodcaller("split", ",")("a,b"), op.add(2, 3), op.neg(4))
print(op.index(7), op.contains([1], 1), op.truth([]), op.concat("a", "b"), op.pow(2, 10))
print(math.isqrt(10**20 + 1), math.comb(50, 25), math.perm(10, 3), math.gcd(84, 36, 60), math.lcm(4, 6, 10))
print(math.prod(range(1, 11)), math.factorial(20), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.hypot(3, 4, 12), math.dist((0, 0), (3, 4)), math.copysign(1, -0.0), math.fmod(-7, 3))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0), math.exp(0), round(math.e, 12))
print(math.sqrt(2), math.cbrt(8), math.sin(math.pi / 2), math.degrees(math.pi), math.radians(180))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(2.9), round(2.5), round(3.5), round(2.675, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(-math.inf), math.nextafter(1, 2) > 1)
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(3.75), math.ulp(1.0), math.sumprod([1, 2], [3, 4]))
print(divmod(-7, 2), -7 // 2, -7 % 2, 2 ** -1, 10 ** 30, (2 ** 64).bit_length(), (255).to_bytes(2, "big"))
print(float("1e308") * 10, int("ff", 16), int(" 42 "), 0.1 + 0.2, 1e16 + 1, repr(1 / 3), 1.5e-7)
try:
    math.sqrt(-1)
except ValueError as exc:
    print("ValueError")  # the message changed in 3.14
print(f"{math.pi:.10f} {1234567.891:,.2f} {0.000123:e} {255:#x} {5:08b} {0.25:%}")
