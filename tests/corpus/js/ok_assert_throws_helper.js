// A minimal assertThrows helper and the checks of a bank account that use it.
function assertThrows(fn, ...args) {
  try {
    fn(...args);
  } catch {
    return;
  }
  throw new Error(`${fn.name}(${args.join(", ")}) did not throw`);
}

class Account {
  constructor(balance) {
    this.balance = balance;
  }

  withdraw(amount) {
    if (amount > this.balance) throw new RangeError(`insufficient funds: ${this.balance} < ${amount}`);
    this.balance -= amount;
  }
}

const account = new Account(100);
account.withdraw(30);
assertThrows((amount) => account.withdraw(amount), 500);
assertThrows((amount) => account.withdraw(amount), 71);
console.log("balance after checks:", account.balance);
