// sorting objects by several keys, stability, localeCompare, and default sort of mixed values
const people = [
  { name: "Émile", dept: "eng", age: 31 }, { name: "bob", dept: "ops", age: 25 }, { name: "Ann", dept: "eng", age: 31 },
  { name: "zoe", dept: "eng", age: 22 }, { name: "Carl", dept: "ops", age: 25 },
];
const byDeptAge = people.toSorted((a, b) => a.dept.localeCompare(b.dept) || b.age - a.age);
console.log(byDeptAge.map((p) => p.name).join(","));
console.log(people.toSorted((a, b) => a.name.localeCompare(b.name)).map((p) => p.name).join(","));
console.log(people.toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((p) => p.name).join(","));
console.log([10, 1, "b", "a", undefined, null, 2].sort().map(String).join(","), [3, 2, 1].sort(() => 0).join(","));
const stable = Array.from({ length: 20 }, (_, i) => ({ k: i % 3, i }));
console.log(stable.sort((a, b) => a.k - b.k).map((x) => x.i).join(","));
