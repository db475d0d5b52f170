# cmath and complex numbers
import cmath

z = complex(3, 4)
print(abs(z), z.conjugate(), z * 1j, z / 2, z ** 2)
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.rect(2, 0))
print(cmath.exp(1j * cmath.pi).real, round(cmath.exp(1j * cmath.pi).imag, 12))
print(cmath.isclose(cmath.exp(cmath.log(z)), z), cmath.isfinite(z), complex("1+2j"), cmath.inf)
print([round(x.real, 6) for x in [cmath.cos(0), cmath.sin(cmath.pi / 2)]])
