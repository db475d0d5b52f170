// regular expressions: named groups, matchAll, replace with named references and functions, split, sticky
const re = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/g;
const text = "Dates: 2024-01-15, 2023-12-31 and 1999-07-04.";
for (const m of text.matchAll(re)) console.log(m.index, m[0], JSON.stringify(m.groups));
console.log(text.replace(re, "$<day>/$<month>/$<year>"));
console.log(text.replace(re, (...args) => { const g = args.at(-1); return `${g.year}`; }));
const { groups: { user, domain } } = /(?<user>[^@]+)@(?<domain>.+)/.exec("ann@example.com");
console.log(user, domain);
console.log("a1b22c333".split(/\d+/), "a, b;c".split(/[,;]\s*/), "x".split(/(x)/));
const sticky = /foo/y;
sticky.lastIndex = 3;
console.log(sticky.test("barfoo"), sticky.lastIndex, /a.c/s.test("a\nc"), /^b/m.test("a\nb"));
console.log(JSON.stringify("aaa".match(/a/g)), JSON.stringify("abc".match(/z/)), "Hello".search(/l/));
const r2 = /(\w)(\d)?/;
console.log(JSON.stringify(r2.exec("x")), /(?:ab)+/.exec("ababc")[0], /\bword\b/i.test("A WORD here"));
console.log("price: $5, $10".replace(/\$(\d+)/g, (_, n) => `€${n * 2}`), "tab\tsep".replace(/\s/g, "_"));
console.log(/(?<a>x)|(?<b>y)/.exec("y").groups.a, RegExp("a+", "gi").flags, /x/dg.flags, String(/a\/b/));
const d = /(?<w>b)/d.exec("abc");
console.log(JSON.stringify(d.indices), JSON.stringify(d.indices.groups));
