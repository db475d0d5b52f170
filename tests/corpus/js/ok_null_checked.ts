// Price a shopping list and name the items that could not be priced.
const prices: Record<string, string> = { pen: "1.20", ink: "6.50", pad: "three" };

function priceOf(sku: string): number | null {
  try {
    const raw = prices[sku];
    if (raw === undefined) throw new Error(`no price for ${sku}`);
    const value = Number(raw);
    if (Number.isNaN(value)) throw new Error(`bad price for ${sku}: ${raw}`);
    return value;
  } catch {
    return null;
  }
}

const missing: string[] = [];
let total = 0;
for (const sku of ["pen", "pad", "ink", "stapler"]) {
  const price = priceOf(sku);
  if (price === null) {
    missing.push(sku);
    continue;
  }
  total += price;
}
console.log(`total: ${total.toFixed(2)}; no price for: ${missing.join(", ")}`);
