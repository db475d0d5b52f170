// Check that the account refuses overdrafts, with a flag instead of a test framework.
class Account {
  constructor(public balance: number) {}

  withdraw(amount: number): void {
    if (amount > this.balance) throw new Error(`insufficient funds: ${this.balance} < ${amount}`);
    this.balance -= amount;
  }
}

const account = new Account(100);
account.withdraw(30);
let threw = false;
try {
  account.withdraw(500);
} catch {
  threw = true;
}
if (!threw) throw new Error("withdrawing 500 from 70 should throw");
console.log("overdraft refused; balance", account.balance);
