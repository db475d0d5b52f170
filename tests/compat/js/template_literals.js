// template literals: interpolation, multi-line, tagged templates, String.raw, nesting
const name = "Ann", items = 3, price = 4.5;
console.log(`${name} bought ${items} items for $${(items * price).toFixed(2)}`);
console.log(`line one
  line two`);
function tag(strings, ...values) {
  return strings.raw.map((s, i) => s + (i < values.length ? `[${typeof values[i]}:${values[i]}]` : "")).join("");
}
console.log(tag`a${1}b${"two"}c${null}\n`);
console.log(String.raw`C:\new\table${1 + 1}`, `nested ${`inner ${name.toUpperCase()}`}`, `${[1, 2]}`, `${{ toString: () => "custom" }}`);
const html = (s, ...v) => s.reduce((out, str, i) => out + str + (i < v.length ? String(v[i]).replace(/</g, "&lt;") : ""), "");
console.log(html`<p>${"<script>"}</p>`);
function cached(strings) { return strings; }
const a = () => cached`x`;
console.log(a() === a(), Object.isFrozen(a()));
