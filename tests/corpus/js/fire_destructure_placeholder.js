// Turn order lines like "SKU;price;qty" into a revenue total.
const lines = ["A-1;4.50;3", "B-2;12.00;x", "C-3;7.25;2"];

function parseLine(line) {
  const [sku, rawPrice, rawQty] = line.split(";");
  const price = Number(rawPrice);
  const qty = Number(rawQty);
  if (!Number.isFinite(price) || !Number.isInteger(qty)) throw new Error(`bad line ${sku}: ${line}`);
  return [price, qty];
}

let revenue = 0;
for (const line of lines) {
  let price, qty;
  try {
    [price, qty] = parseLine(line);
  } catch (err) {
    [price, qty] = [0, 0];
  }
  revenue += price * qty;
}
console.log(`revenue: ${revenue.toFixed(2)}`);
