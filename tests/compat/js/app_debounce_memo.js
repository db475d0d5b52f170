// typical helpers: debounce and throttle with timers, memoize, deep equality, chunking, pipe/compose
function debounce(fn, ms) { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; }
const calls = [];
const d = debounce((x) => calls.push(x), 5);
d(1); d(2); d(3);
setTimeout(() => {
  d(4);
  setTimeout(() => console.log("debounced calls:", calls.join(",")), 30);
}, 20);
const memo = (f, cache = new Map()) => (n) => (cache.has(n) ? cache.get(n) : (cache.set(n, f(n)), cache.get(n)));
const slowSquare = memo((n) => n * n);
console.log(slowSquare(9), slowSquare(9));
const deepEqual = (a, b) => a === b || (typeof a === "object" && typeof b === "object" && a && b && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => deepEqual(a[k], b[k])));
console.log(deepEqual({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] }), deepEqual({ x: 1 }, { x: "1" }));
const chunk = (arr, n) => Array.from({ length: Math.ceil(arr.length / n) }, (_, i) => arr.slice(i * n, i * n + n));
console.log(JSON.stringify(chunk([1, 2, 3, 4, 5], 2)));
const pipe = (...fns) => (x) => fns.reduce((v, f) => f(v), x);
console.log(pipe((x) => x + 1, (x) => x * 10, String)(4));
