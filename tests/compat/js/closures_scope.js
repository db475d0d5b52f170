// closures and scope: counters, let in loops vs var, IIFE modules, hoisting, this binding, bind/call/apply
function makeCounter() {
  let n = 0;
  return { inc: () => ++n, get: () => n };
}
const c = makeCounter();
c.inc(); c.inc();
console.log(c.get(), makeCounter().get());
const fnsLet = [], fnsVar = [];
for (let i = 0; i < 3; i++) fnsLet.push(() => i);
for (var j = 0; j < 3; j++) fnsVar.push(() => j);
console.log(fnsLet.map((f) => f()).join(","), fnsVar.map((f) => f()).join(","));
const mod = (() => { const secret = "s"; return { reveal: () => secret.toUpperCase() }; })();
console.log(mod.reveal(), typeof hoisted, hoisted());
function hoisted() { return "hoisted fn"; }
const obj = {
  name: "obj",
  regular() { return this?.name; },
  arrow: () => typeof this,
  delayed() { return [1].map(() => this.name)[0]; },
};
console.log(obj.regular(), obj.delayed(), obj.regular.call({ name: "other" }), obj.regular.bind({ name: "bound" })());
console.log(Math.max.apply(null, [1, 7, 3]), Array.prototype.slice.call("abc").join("-"));
try { tdz; let tdz = 1; } catch (e) { console.log("TDZ:", e.name); }
const once = (f) => { let done = false, v; return (...a) => (done ? v : ((done = true), (v = f(...a)))); };
const init = once(() => Math.floor(42.9));
console.log(init(), init());
