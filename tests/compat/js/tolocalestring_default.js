// toLocaleString() without a locale: numbers and dates as an en-US default prints them
console.log((1234567.5).toLocaleString(), (1000).toLocaleString(), (0.5).toLocaleString());
const d = new Date(Date.UTC(2024, 0, 2, 15, 4, 5));
console.log(d.toLocaleDateString("en-US", { timeZone: "UTC" }), d.toLocaleTimeString("en-US", { timeZone: "UTC" }));
console.log(d.toLocaleString("en-US", { timeZone: "UTC" }));
console.log([1234.5, 99].toLocaleString("en-US"));
