// unbounded recursion throws a catchable error (RangeError in V8, InternalError in QuickJS) and the program continues
function down(n) { return down(n + 1) + 1; }
try {
  down(0);
} catch (e) {
  console.log("caught:", e.name === "RangeError" || e.name === "InternalError");
}
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log("still running", depth(200));
