// TypeScript: an uncaught error thrown from a typed function ends the run with status 1
interface Order { id: number; total: number }
function validate(o: Order): Order {
  if (o.total < 0) throw new RangeError(`order ${o.id} has a negative total`);
  return o;
}
console.log(validate({ id: 1, total: 10 }).total);
validate({ id: 2, total: -5 });
