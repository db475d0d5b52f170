// iteration protocols: custom iterables, iterator objects, spread and destructuring of iterables, Array.from
class Range {
  constructor(lo, hi) { this.lo = lo; this.hi = hi; }
  [Symbol.iterator]() {
    let cur = this.lo;
    const hi = this.hi;
    return { next: () => (cur <= hi ? { value: cur++, done: false } : { value: undefined, done: true }), [Symbol.iterator]() { return this; } };
  }
}
const r = new Range(1, 5);
console.log([...r].join(","), Array.from(r, (x) => x * 2).join(","), Math.max(...r));
const [p, q, ...rest] = r;
console.log(p, q, rest.join(","));
const it = r[Symbol.iterator]();
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()));
for (const x of it) if (x > 3) console.log("from the rest", x);
const m = new Map([["a", 1]]);
const mi = m.entries();
console.log(JSON.stringify(mi.next().value), mi.next().done, Object.prototype.toString.call(mi));
console.log(JSON.stringify([..."ab"].entries().next()), JSON.stringify(Array.from(new Set("hello"))));
const zip = (...arrs) => Array.from({ length: Math.min(...arrs.map((a) => a.length)) }, (_, i) => arrs.map((a) => a[i]));
console.log(JSON.stringify(zip([1, 2, 3], ["a", "b"])));
