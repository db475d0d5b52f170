// URLSearchParams: construction from strings, objects and pairs; get/getAll/set/delete/sort; encoding
const p = new URLSearchParams("?a=1&b=2&a=3&c=%20space+plus&d=");
console.log(p.get("a"), JSON.stringify(p.getAll("a")), p.get("c"), JSON.stringify(p.get("d")), p.get("zz"), p.has("b"));
p.set("a", "only");
p.delete("b");
p.append("e", "x/y?z=w&v");
console.log(p.toString());
p.sort();
console.log(p.toString(), JSON.stringify([...p.keys()]), JSON.stringify([...p.entries()]));
console.log(new URLSearchParams({ q: "hello world", n: 5, u: "ü" }).toString());
console.log(new URLSearchParams([["x", "1"], ["x", "2"]]).toString());
const counts = {};
new URLSearchParams("t=a&t=b&u=c").forEach((v, k) => { counts[k] = (counts[k] || 0) + 1; });
console.log(JSON.stringify(counts), String(new URLSearchParams("a=b%26c")));
console.log(JSON.stringify(Object.fromEntries(new URLSearchParams("k1=v1&k2=v2"))));
