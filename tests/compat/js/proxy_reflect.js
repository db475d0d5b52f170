// Proxy and Reflect: traps for get/set/has/deleteProperty/ownKeys/apply/construct, validation, revocable proxies
const log = [];
const target = { a: 1, b: 2 };
const p = new Proxy(target, {
  get(t, k, r) { log.push(`get ${String(k)}`); return k in t ? Reflect.get(t, k, r) : `default:${String(k)}`; },
  set(t, k, v) { if (typeof v !== "number") throw new TypeError(`${k} must be a number`); return Reflect.set(t, k, v); },
  has(t, k) { return !k.startsWith("_") && k in t; },
  deleteProperty(t, k) { log.push(`delete ${k}`); return Reflect.deleteProperty(t, k); },
  ownKeys(t) { return Reflect.ownKeys(t).filter((k) => k !== "b"); },
});
console.log(p.a, p.zz, "a" in p, "_x" in p);
p.c = 3;
try { p.d = "x"; } catch (e) { console.log(e.name, e.message); }
delete p.a;
console.log(JSON.stringify(Object.keys(p)), JSON.stringify(target), log.join("; "));
const fnProxy = new Proxy(function add(x, y) { return x + y; }, {
  apply(t, thisArg, args) { return t(...args) * 10; },
  construct(t, args) { return { built: args }; },
});
console.log(fnProxy(1, 2), JSON.stringify(new fnProxy(7)));
const { proxy, revoke } = Proxy.revocable({ v: 1 }, {});
console.log(proxy.v);
revoke();
try { proxy.v; } catch (e) { console.log("revoked:", e.name); }
console.log(Reflect.has({ x: 1 }, "x"), JSON.stringify(Reflect.ownKeys({ b: 1, a: 2, 1: 3 })), Reflect.apply(Math.max, null, [1, 5, 3]));
console.log(JSON.stringify(Reflect.construct(Date, [0]).getTime()), Reflect.getPrototypeOf([]) === Array.prototype, Reflect.defineProperty({}, "x", { value: 1 }));
