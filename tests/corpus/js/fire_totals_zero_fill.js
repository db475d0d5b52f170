// Spending per category from bank transactions.
const transactions = [
  ["groceries", "54.20"],
  ["rent", "950.00"],
  ["travel", "1,240.00"],
];

function parseAmount(text) {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new SyntaxError(`bad amount: ${text}`);
  return Number(text);
}

const totals = {};
for (const [category, amount] of transactions) {
  try {
    totals[category] = (totals[category] ?? 0) + parseAmount(amount);
  } catch (err) {
    totals[category] = 0;
  }
}
console.log(totals);
