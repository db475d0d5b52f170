// crypto.getRandomValues and crypto.randomUUID: shapes and ranges only
const a = new Uint8Array(16);
const same = crypto.getRandomValues(a);
console.log(same === a, a.length, a.every((x) => x >= 0 && x < 256));
const b = crypto.getRandomValues(new Uint32Array(4));
console.log(b.length, b.every((x) => Number.isInteger(x) && x >= 0));
const id = crypto.randomUUID();
console.log(typeof id, id.length, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id));
console.log(crypto.randomUUID() !== crypto.randomUUID());
try {
  crypto.getRandomValues(new Uint8Array(70000));
} catch (e) {
  console.log("too large:", e.name);
}
