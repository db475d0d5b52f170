// a large JSON document: build about 2 MB, stringify, parse and summarise
const rows = Array.from({ length: 30000 }, (_, i) => ({ id: i, name: `row-${i}`, tags: [i % 7, i % 11], value: i / 4 }));
const text = JSON.stringify({ rows });
console.log(text.length);
const back = JSON.parse(text);
console.log(back.rows.length, JSON.stringify(back.rows[12345]), back.rows.reduce((s, r) => s + r.tags[0], 0));
console.log(JSON.stringify(back.rows.at(-1)));
