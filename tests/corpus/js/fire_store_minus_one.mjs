// Record the stock level of each product from the warehouse scanner's counts.
const scans = [["pen", "120"], ["ink", "?"], ["pad", "35"]];

function parseCount(text) {
  if (!/^\d+$/.test(text)) throw new RangeError(`unreadable count: ${text}`);
  return Number(text);
}

const stock = {};
for (const [sku, text] of scans) {
  try {
    stock[sku] = parseCount(text);
  } catch (err) {
    stock[sku] = -1;
  }
}
const units = Object.values(stock).reduce((a, b) => a + b, 0);
console.log(`units in stock: ${units}`);
