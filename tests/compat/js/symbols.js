// Symbol: descriptions, registry, well-known symbols (iterator, toPrimitive, toStringTag, hasInstance), symbol keys
const id = Symbol("id");
const obj = { [id]: 123, visible: true };
console.log(id.toString(), id.description, obj[id], JSON.stringify(obj), Object.keys(obj).length, Object.getOwnPropertySymbols(obj).length);
console.log(Symbol.for("app") === Symbol.for("app"), Symbol.keyFor(Symbol.for("app")), Symbol("x") === Symbol("x"), typeof id);
class Temperature {
  constructor(c) { this.c = c; }
  [Symbol.toPrimitive](hint) { return hint === "string" ? `${this.c}°C` : this.c; }
  get [Symbol.toStringTag]() { return "Temperature"; }
  static [Symbol.hasInstance](x) { return typeof x?.c === "number"; }
}
const t = new Temperature(21);
console.log(`${t}`, t + 1, t * 2, Object.prototype.toString.call(t), { c: 5 } instanceof Temperature);
const countdown = { from: 3, *[Symbol.iterator]() { for (let i = this.from; i > 0; i--) yield i; } };
console.log([...countdown].join(","), Array.from(countdown).length);
try { id + ""; } catch (e) { console.log("symbol to string:", e.name); }
console.log(String(id), Symbol.iterator in [], typeof Symbol.asyncIterator);
