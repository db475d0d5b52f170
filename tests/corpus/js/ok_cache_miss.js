// Memoise an expensive lookup: a miss computes the value and stores it.
const cache = new Map();

function cached(key) {
  const hit = cache.get(key);
  if (hit === undefined) throw new RangeError(`cache miss: ${key}`);
  return hit;
}

function slowSquare(n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += n;
  return total;
}

function square(n) {
  try {
    return cached(n);
  } catch {
    const value = slowSquare(n);
    cache.set(n, value);
    return value;
  }
}

console.log(square(12), square(12), square(7));
