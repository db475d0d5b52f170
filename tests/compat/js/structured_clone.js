// structuredClone: deep copies of objects, arrays, Maps, Sets, Dates, typed arrays and cycles
const src = { n: 1, s: "x", arr: [1, { deep: true }], date: new Date(Date.UTC(2024, 0, 2)), map: new Map([["k", { v: 1 }]]), set: new Set([1, 2]), bytes: new Uint8Array([1, 2, 3]) };
src.self = src;
const copy = structuredClone(src);
console.log(copy !== src, copy.self === copy, copy.arr[1] !== src.arr[1], copy.arr[1].deep);
console.log(copy.date instanceof Date, copy.date.toISOString(), copy.map.get("k").v, copy.map.get("k") !== src.map.get("k"));
console.log(copy.set.has(2), copy.bytes instanceof Uint8Array, Array.from(copy.bytes).join(","));
try {
  structuredClone({ f() {} });
} catch (e) {
  console.log("function clone:", e.name);
}
class Point { constructor() { this.x = 1; } }
const p = structuredClone(new Point());
console.log(p instanceof Point, p.x, Object.getPrototypeOf(p) === Object.prototype);
console.log(JSON.stringify(structuredClone([undefined, null, NaN, -0].map(String))));
