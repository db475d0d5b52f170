// Object static methods: entries, fromEntries, assign, keys order, groupBy by hand, is, getOwnPropertyNames
const obj = { b: 2, a: 1, 10: "ten", 2: "two", [Symbol("s")]: "sym" };
console.log(JSON.stringify(Object.keys(obj)), JSON.stringify(Object.values(obj)), JSON.stringify(Object.entries({ x: 1, y: [2] })));
console.log(JSON.stringify(Object.fromEntries([["k", 1], ["l", 2]])), JSON.stringify(Object.assign({}, { a: 1 }, { a: 2, b: 3 })));
const people = [{ n: "ann", team: "red" }, { n: "bob", team: "blue" }, { n: "cy", team: "red" }];
const grouped = people.reduce((acc, p) => { (acc[p.team] ??= []).push(p.n); return acc; }, {});
console.log(JSON.stringify(grouped));
console.log(Object.is(NaN, NaN), Object.is(0, -0), NaN === NaN, JSON.stringify(Object.getOwnPropertyNames("ab")));
const proto = { greet() { return "hi " + this.name; } };
const child = Object.create(proto);
child.name = "kid";
console.log(child.greet(), Object.getPrototypeOf(child) === proto, proto.isPrototypeOf(child), Object.hasOwn(child, "greet"));
console.log(JSON.stringify(Object.entries([7, 8])), JSON.stringify({ ...["x", "y"] }));
const counter = Object.entries("mississippi".split("").reduce((m, c) => ((m[c] = (m[c] || 0) + 1), m), {})).sort(([, a], [, b]) => b - a);
console.log(JSON.stringify(counter));
