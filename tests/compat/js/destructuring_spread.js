// destructuring, defaults, rest/spread, computed keys, shorthand, swapping
const { a, b: renamed = 5, c: { d } = { d: "default d" }, ...rest } = { a: 1, e: 2, f: 3 };
console.log(a, renamed, d, JSON.stringify(rest));
const [first, , third = "t", ...others] = [10, 20, undefined, 40, 50];
console.log(first, third, JSON.stringify(others));
let x = 1, y = 2;
[x, y] = [y, x];
console.log(x, y);
const key = "dyn";
const merged = { ...{ p: 1, q: 2 }, q: 3, [key + "Key"]: true, x, ["a" + "b"]: "ab" };
console.log(JSON.stringify(merged));
function f({ name, tags = [] } = {}, ...extra) { return `${name}:${tags.length}:${extra.length}`; }
console.log(f({ name: "n", tags: [1, 2] }, 1, 2, 3), f(), Math.max(...[3, 9, 2]), [..."hi", ...[1, 2]].join(""));
const deep = { l1: { l2: [{ l3: "found" }] } };
const { l1: { l2: [{ l3 }] } } = deep;
console.log(l3);
for (const [k, v] of Object.entries({ m: 1, n: 2 })) console.log(k, v);
const arr = [1, 2, 3];
const copy = [...arr];
copy.push(4);
console.log(arr.length, copy.length, JSON.stringify({ ...null, ...undefined, ..."ab" }));
