// console.log of non-string values: objects, arrays, nested data, Map, Set, class instances, errors, symbols
console.log({ a: 1, b: "two", c: [1, 2, 3] });
console.log([1, "s", null, undefined, true]);
console.log({ nested: { deeper: { deepest: { bottom: 1 } } } });
console.log(new Map([["k", 1]]), new Set([1, 2]));
class Point { constructor() { this.x = 1; this.y = 2; } }
console.log(new Point(), [new Point()]);
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(-0, 0, 1e21, 123n, Symbol("s"), () => 1, function named() {});
console.log("multiple", 1, { k: "v" }, ["x"]);
console.log([undefined, , 3], { "key with space": 1, valid_id: 2 }, [[]], {});
