// a typical script: parse CSV text, aggregate by category, format a report with padEnd/toFixed
const RAW = `sku,category,qty,unit_price
A-1,tools,3,19.99
B-2,garden,10,2.50
A-3,tools,1,149.00
C-9,kitchen,4,7.25
B-7,garden,2,33.10`;
const [header, ...lines] = RAW.trim().split("\n");
const cols = header.split(",");
const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
const totals = {};
for (const r of rows) {
  const t = (totals[r.category] ??= { qty: 0, amount: 0 });
  t.qty += Number(r.qty);
  t.amount += Number(r.qty) * Number(r.unit_price);
}
console.log("category".padEnd(10) + "items".padStart(6) + "total".padStart(12));
for (const [cat, t] of Object.entries(totals).sort((a, b) => b[1].amount - a[1].amount)) {
  console.log(cat.padEnd(10) + String(t.qty).padStart(6) + t.amount.toFixed(2).padStart(12));
}
const grand = Object.values(totals).reduce((s, t) => s + t.amount, 0);
console.log("TOTAL".padEnd(10) + String(rows.reduce((s, r) => s + +r.qty, 0)).padStart(6) + grand.toFixed(2).padStart(12));
