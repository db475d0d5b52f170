// JSON: stringify with replacers and indentation, parse with revivers, toJSON, errors (names only)
const obj = { b: 2, a: [1, "two", null, true], nested: { x: undefined, f() {}, d: new Date(Date.UTC(2020, 1, 3)) }, u: "é\u2028" };
console.log(JSON.stringify(obj));
console.log(JSON.stringify(obj, null, 2));
console.log(JSON.stringify(obj, ["a", "b"]), JSON.stringify(obj, (k, v) => (typeof v === "number" ? v * 10 : v)));
console.log(JSON.stringify([NaN, Infinity, -0, undefined, () => 1]), JSON.stringify("\u0000\n\"\\"), JSON.stringify({ toJSON() { return "custom"; } }));
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(Object.create({ inherited: 1 })));
const parsed = JSON.parse('{"n": 1, "date": "2024-05-06T00:00:00.000Z", "list": [1, 2, {"deep": [3]}]}', (k, v) => (k === "date" ? new Date(v) : v));
console.log(parsed.date.getUTCFullYear(), parsed.list[2].deep[0], JSON.parse("  [1e3, -0.5, \"\\u00e9\"]  ").join("|"));
for (const bad of ["{'a': 1}", "[1,]", "", "{\"a\":1}x", "undefined"]) {
  try {
    JSON.parse(bad);
    console.log("parsed", bad);
  } catch (e) {
    console.log("SyntaxError?", e instanceof SyntaxError);
  }
}
const cyclic = {};
cyclic.self = cyclic;
try {
  JSON.stringify(cyclic);
} catch (e) {
  console.log("cyclic:", e.name);
}
try {
  JSON.stringify({ n: 10n });
} catch (e) {
  console.log("bigint:", e.name);
}
console.log(JSON.stringify({ a: 1, b: [1, 2] }, null, "--"), JSON.stringify([[]], null, 4));
