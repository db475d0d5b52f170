// Price each order line from the catalogue, logging unknown products.
const catalogue = { pen: 1.2, ink: 6.5 };
const order = [["pen", 10], ["paper", 2], ["ink", 1]];

function unitPrice(sku) {
  try {
    if (!(sku in catalogue)) throw new Error(`unknown product ${sku}`);
    return catalogue[sku];
  } catch (err) {
    console.error("pricing:", err.message);
    return 0;
  }
}

const total = order.reduce((sum, [sku, qty]) => sum + unitPrice(sku) * qty, 0);
console.log(`order total: ${total.toFixed(2)}`);
