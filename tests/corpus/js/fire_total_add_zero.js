// Total the value of a shopping basket.
const prices = new Map([["apple", 0.4], ["bread", 2.1], ["cheese", 4.75]]);
const basket = [["apple", 6], ["bread", 1], ["caviar", 1], ["cheese", 2]];

function priceOf(item) {
  if (!prices.has(item)) throw new Error(`no price for ${item}`);
  return prices.get(item);
}

let total = 0;
for (const [item, qty] of basket) {
  try {
    total += priceOf(item) * qty;
  } catch (err) {
    total += 0;
  }
}
console.log(`basket total: ${total.toFixed(2)}`);
