// Self-checks for a small stack class, written without a test framework.
class Stack {
  #items = [];

  push(item) {
    this.#items.push(item);
  }

  pop() {
    if (this.#items.length === 0) throw new RangeError("pop from an empty stack");
    return this.#items.pop();
  }
}

function testPopEmptyThrows() {
  const stack = new Stack();
  try {
    stack.pop();
    throw new Error("expected pop() on an empty stack to throw");
  } catch {}
}

function testPushPop() {
  const stack = new Stack();
  stack.push(1);
  stack.push(2);
  if (stack.pop() !== 2) throw new Error("pop() should return the last pushed item");
}

for (const test of [testPopEmptyThrows, testPushPop]) {
  test();
  console.log(`${test.name}: ok`);
}
