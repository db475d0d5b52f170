// Sum the amounts of an uploaded CSV of invoices.
const csv = `id,amount
INV-1,120.50
INV-2,n/a
INV-3,99.99
INV-4,`;

function parseAmount(text) {
  const value = Number(text);
  if (text.trim() === "" || Number.isNaN(value)) {
    throw new Error(`not a number: "${text}"`);
  }
  return value;
}

let total = 0;
for (const line of csv.split("\n").slice(1)) {
  const [, amount] = line.split(",");
  let value;
  try {
    value = parseAmount(amount);
  } catch (err) {
    continue;
  }
  total += value;
}
console.log(`total: ${total.toFixed(2)}`);
