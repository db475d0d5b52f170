// getters and setters: object literals, defineProperty, freeze, seal, property descriptors
const account = {
  _balance: 10,
  get balance() { return `$${this._balance}`; },
  set balance(v) {
    if (v < 0) throw new RangeError("negative balance");
    this._balance = v;
  },
};
account.balance = 25;
console.log(account.balance);
try { account.balance = -1; } catch (e) { console.log(e.name, e.message); }
const o = {};
Object.defineProperty(o, "hidden", { value: 42, enumerable: false, writable: false });
Object.defineProperty(o, "computed", { get() { return this.hidden * 2; }, enumerable: true });
console.log(o.hidden, o.computed, JSON.stringify(o), Object.keys(o).join(","), JSON.stringify(Object.getOwnPropertyDescriptor(o, "hidden")));
o.hidden = 1;
console.log(o.hidden);
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 99;
frozen.nested.b = 3;
console.log(frozen.a, frozen.nested.b, Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
(function () {
  "use strict";
  try { frozen.a = 5; } catch (e) { console.log("strict write:", e.name); }
})();
const sealed = Object.seal({ x: 1 });
sealed.x = 2;
sealed.y = 3;
delete sealed.x;
console.log(JSON.stringify(sealed), Object.isSealed(sealed), Object.isExtensible(sealed));
const withDefault = Object.create({ inherited: "yes" }, { own: { value: "mine", enumerable: true } });
console.log(withDefault.inherited, Object.hasOwn(withDefault, "inherited"), "inherited" in withDefault, JSON.stringify(withDefault));
