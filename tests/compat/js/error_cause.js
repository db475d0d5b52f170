// errors: cause, custom subclasses, name/message/instanceof, AggregateError, finally order, error-first helpers
class ValidationError extends Error {
  constructor(field, options) {
    super(`invalid ${field}`, options);
    this.name = "ValidationError";
    this.field = field;
  }
}
function parseAge(s) {
  const n = Number(s);
  if (!Number.isInteger(n)) throw new TypeError(`not an integer: ${s}`);
  return n;
}
function load(record) {
  try {
    return parseAge(record.age);
  } catch (err) {
    throw new ValidationError("age", { cause: err });
  }
}
try {
  load({ age: "x1" });
} catch (e) {
  console.log(e.name, e.message, e.field, e instanceof ValidationError, e instanceof Error);
  console.log("cause:", e.cause.name, e.cause.message, e.cause instanceof TypeError);
  console.log(String(e), typeof e.stack, Object.prototype.hasOwnProperty.call(e, "cause"));
}
const noCause = new Error("plain");
console.log("cause" in noCause, new Error("x", { cause: 0 }).cause, new RangeError("r").name);
const agg = new AggregateError([new Error("a"), new Error("b")], "several");
console.log(agg.name, agg.message, agg.errors.length);
const order = [];
function f() { try { order.push("try"); return "ret"; } finally { order.push("finally"); } }
console.log(f(), order.join(","));
try { null.x; } catch (e) { console.log(e instanceof TypeError, e.constructor.name); }
try { undefinedFunction(); } catch (e) { console.log(e.name); }
try { new Array(-1); } catch (e) { console.log(e.name); }
