// Math results at full precision: engines may use different C math libraries, which can differ in the last bit
for (const x of [0.1, 0.5, 1, 1.5, 2, 27, 1000]) {
  console.log(x, Math.exp(x), Math.log(x), Math.sin(x), Math.atan(x), Math.cbrt(x), Math.pow(1.1, x));
}
console.log(Math.tan(1), Math.cosh(2), Math.expm1(1e-5), Math.acosh(3), Math.sinh(0.5), Math.log1p(1e-10));
