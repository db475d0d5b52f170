// toLocaleString and Intl.NumberFormat with explicit en-US and de-DE locales
const n = 1234567.891;
console.log(n.toLocaleString("en-US"), n.toLocaleString("de-DE"), (0.256).toLocaleString("en-US", { style: "percent" }));
console.log(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n));
console.log(new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(n));
console.log(new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(3.14159), (42).toLocaleString("en-US", { minimumIntegerDigits: 4 }));
console.log(new Intl.NumberFormat("en-US", { notation: "compact" }).format(1500000), (1e21).toLocaleString("en-US"));
