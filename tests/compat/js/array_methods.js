// array methods: flatMap, flat, at, findLast, toSorted, toReversed, toSpliced, with, includes, from, fill, copyWithin
const a = [5, 1, 4, 2, 3];
console.log(a.at(-1), a.at(0), a.findLast((x) => x > 3), a.findLastIndex((x) => x > 3), a.find((x) => x > 10));
console.log(a.toSorted().join(","), a.toReversed().join(","), a.toSpliced(1, 2, "x").join(","), a.with(0, 9).join(","), a.join(","));
console.log([[1, 2], [3, [4, [5]]]].flat().length, [[1, [2, [3, [4]]]]].flat(Infinity).join(","), ["a b", "c"].flatMap((s) => s.split(" ")).join("|"));
console.log([1, 2, 3].includes(2), [NaN].includes(NaN), [NaN].indexOf(NaN), Array.from({ length: 4 }, (_, i) => i * i).join(","));
console.log(new Array(3).fill(0).join(","), [1, 2, 3, 4, 5].copyWithin(0, 3).join(","), Array.of(7, 8).join(","));
console.log([3, 1, 2].sort().join(","), [10, 9, 1, 100].sort().join(","), [10, 9, 1, 100].sort((x, y) => x - y).join(","));
console.log([1, 2, 3, 4].reduce((s, x) => s + x, 0), [[1, 2], [3, 4]].reduceRight((acc, x) => acc.concat(x), []).join(","));
console.log([1, 2, 3].some((x) => x > 2), [1, 2, 3].every((x) => x > 0), [..."hello"].reverse().join(""), [1, 2, 3].map(String).join("+"));
const people = [{ n: "a", age: 30 }, { n: "b", age: 25 }, { n: "c", age: 30 }];
console.log(people.toSorted((x, y) => x.age - y.age).map((p) => p.n).join(","), people.filter((p) => p.age === 30).length);
console.log(JSON.stringify([1, 2, 3, 4, 5].slice(-2)), JSON.stringify([1, 2, 3].splice(1, 1)), JSON.stringify([1, [2]].concat([3], 4)));
console.log(JSON.stringify(Object.entries(["x", "y"])), JSON.stringify([..."ab"].entries().next()), [3, 4].keys().next().value);
console.log([, 1, , 2].length, JSON.stringify([, 1]), [1, 2, 3].lastIndexOf(3), Array.isArray([]), [0, -0, null, undefined].join("|"));
