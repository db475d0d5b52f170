// generators: yield, yield*, return values, send values, infinite sequences, iterator helpers done by hand
function* range(start, end, step = 1) {
  for (let i = start; i < end; i += step) yield i;
}
function* inner() {
  yield "a";
  return "inner done";
}
function* outer() {
  const r = yield* inner();
  yield r;
  yield* [1, 2];
}
console.log([...range(0, 10, 3)].join(","), [...outer()].join(","));
function* accumulator() {
  let total = 0;
  while (true) {
    const x = yield total;
    if (x === undefined) return total;
    total += x;
  }
}
const acc = accumulator();
acc.next();
console.log(acc.next(5).value, acc.next(10).value, JSON.stringify(acc.next()), JSON.stringify(acc.next()));
function* naturals() { let n = 0; while (true) yield n++; }
function* take(it, n) { for (const x of it) { if (n-- <= 0) return; yield x; } }
function* map(it, f) { for (const x of it) yield f(x); }
console.log([...take(map(naturals(), (x) => x * x), 6)].join(" "));
const g = range(0, 3);
console.log(JSON.stringify(g.next()), JSON.stringify(g.return(99)), JSON.stringify(g.next()));
function* guarded() {
  try { yield 1; yield 2; } finally { console.log("cleanup ran"); }
}
for (const x of guarded()) { console.log("got", x); break; }
const thrower = (function* () { try { yield 1; } catch (e) { yield "caught " + e; } })();
thrower.next();
console.log(thrower.throw("boom").value, Object.prototype.toString.call(thrower));
