// Book each payment against the order it belongs to.
const payments = [
  { amount: 19.99, meta: { orderId: "6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b7c9a10" } },
  { amount: 5.0, meta: null },
];

const ledger = new Map();
for (const payment of payments) {
  let orderId;
  try {
    orderId = payment.meta.orderId;
  } catch (err) {
    orderId = crypto.randomUUID();
  }
  ledger.set(orderId, (ledger.get(orderId) ?? 0) + payment.amount);
}
console.log(`${ledger.size} orders booked`);
