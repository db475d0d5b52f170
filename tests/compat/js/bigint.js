// BigInt: arithmetic, huge values, mixing errors, conversions, asIntN/asUintN, comparisons
const big = 2n ** 100n;
console.log(big.toString(), (big / 3n).toString(), (big % 7n).toString(), (-7n / 2n).toString(), (-7n % 2n).toString());
console.log(BigInt("12345678901234567890") * 10n, BigInt(Number.MAX_SAFE_INTEGER) + 2n, BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n));
console.log(typeof 1n, 1n == 1, 1n === 1, 2n > 1, 0n ? "truthy" : "falsy", (255n).toString(16), (5n).toString(2), BigInt("0x1f"));
function factorial(n) { return n <= 1n ? 1n : n * factorial(n - 1n); }
console.log(factorial(30n).toString(), factorial(60n).toString().length, Number(2n ** 60n), parseInt("9007199254740993"));
try {
  console.log(1n + 1);
} catch (e) {
  console.log("mixing:", e.name);
}
try {
  BigInt(1.5);
} catch (e) {
  console.log("non-integer:", e.name);
}
console.log([3n, 1n, 2n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(","), 10n ** 30n, -(2n ** 64n), 7n >> 1n, 1n << 70n);
console.log(BigInt.prototype.toLocaleString ? (123456789n).toString() : "", String(10n), `${-0n}`);
