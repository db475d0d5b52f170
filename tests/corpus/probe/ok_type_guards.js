// Compound interest, with its inputs checked up front.
function grow(amount, rate, years) {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new TypeError(`amount must be a finite number, got ${amount}`);
  }
  if (typeof rate !== "number" || rate < 0) throw new RangeError(`bad rate: ${rate}`);
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`bad years: ${years}`);
  return amount * (1 + rate) ** years;
}

console.log(grow(100, 0.05, 10).toFixed(2));
