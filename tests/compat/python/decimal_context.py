# decimal: exact arithmetic, contexts, quantize, rounding, signals
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, localcontext, getcontext

print(Decimal("1.1") + Decimal("2.2"), 1.1 + 2.2)
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(2).sqrt())
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("2.665").quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))
print(Decimal("123.4500").normalize(), Decimal("1E+3").to_integral_value(), Decimal("-0"))
print(Decimal(0.1), Decimal("3.14159").as_tuple())
print(Decimal("10") ** 20, Decimal("1e-7"), Decimal("NaN").is_nan())
print(sum(Decimal("0.1") for _ in range(10)) == Decimal("1.0"))
print(getcontext().prec, getcontext().rounding)
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as exc:
    print("DivisionByZero", type(exc).__mro__[1].__name__)
try:
    Decimal("abc")
except InvalidOperation:
    print("InvalidOperation")
print(f"{Decimal('1234567.891'):,.2f}", format(Decimal("0.000012"), ".2e"))
print(Decimal("7.5") // 2, Decimal("-7.5") % 2, divmod(Decimal("7"), Decimal("2")))
