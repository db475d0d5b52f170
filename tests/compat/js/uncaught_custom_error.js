// an uncaught custom error subclass from a nested call
class NotFoundError extends Error {
  constructor(what) {
    super(`${what} was not found`);
    this.name = "NotFoundError";
  }
}
const users = new Map([[1, "ann"]]);
function getUser(id) {
  if (!users.has(id)) throw new NotFoundError(`user ${id}`);
  return users.get(id);
}
console.log(getUser(1));
console.log(getUser(2));
