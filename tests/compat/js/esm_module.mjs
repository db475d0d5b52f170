// an ES module: top-level await, exports, import.meta exists, strict mode by default
export const answer = 42;
export default function greet(name) { return `hello ${name}`; }
const value = await new Promise((resolve) => setTimeout(() => resolve("awaited at top level"), 1));
console.log(value, greet("module"), answer);
console.log(typeof import.meta, (function () { return this; })() === undefined);
try {
  undeclared = 1;
} catch (e) {
  console.log("strict:", e.name);
}
