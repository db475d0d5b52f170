// Math: rounding, trig, logs, min/max, hypot, sign, clz32, fround, imul, trunc, cbrt
console.log(Math.floor(-2.5), Math.ceil(-2.5), Math.round(-2.5), Math.trunc(-2.7), Math.sign(-3), Math.abs(-0));
console.log(Math.max(), Math.min(), Math.max(1, "5", 3), Math.min(1, NaN), Math.hypot(3, 4), Math.sqrt(2), Math.cbrt(27));
console.log(Math.PI, Math.E, Math.LN2, Math.SQRT2, Math.log(Math.E), Math.log10(1000), Math.log2(8), Math.log1p(0), Math.expm1(0));
console.log(Math.sin(0), Math.cos(Math.PI), Math.atan2(1, 1) * 4, Math.pow(2, 10), 2 ** 0.5, Math.exp(0));
console.log(Math.clz32(1), Math.fround(5.5), Math.fround(5.05), Math.imul(3, 4), Math.imul(0xffffffff, 5));
const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
console.log(clamp(15, 0, 10), clamp(-5, 0, 10), [3, 1, 2].reduce((a, b) => Math.max(a, b)), Math.round(1.005 * 100) / 100);
const r = Math.random();
console.log(r >= 0 && r < 1, typeof Math.random());
