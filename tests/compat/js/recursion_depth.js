// plain recursion to depth 1 000, recursion over array slices, and 500 levels of nested JSON
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
const sum = (xs) => (xs.length === 0 ? 0 : xs[0] + sum(xs.slice(1)));
console.log(depth(1000), sum(Array.from({ length: 500 }, (_, i) => i)));
const nested = JSON.parse("[".repeat(500) + "]".repeat(500));
let d = 0;
for (let x = nested; Array.isArray(x) && x.length; x = x[0]) d++;
console.log(d, JSON.stringify(nested).length);
