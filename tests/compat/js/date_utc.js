// Date with explicit UTC values: Date.UTC, ISO strings, UTC getters and setters, arithmetic, parsing
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 250));
console.log(d.toISOString(), d.getTime(), d.valueOf() === +d, JSON.stringify({ d }));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
const next = new Date(d);
next.setUTCDate(next.getUTCDate() + 1);
console.log(next.toISOString());
next.setUTCMonth(12);
console.log(next.toISOString(), new Date(Date.UTC(2023, 0, 31) + 86400000 * 30).toISOString());
console.log(Date.parse("2024-03-10T12:00:00Z"), Date.parse("2024-03-10T12:00:00.000+02:00"), new Date("2020-01-01T00:00:00Z").toISOString());
console.log(new Date(0).toISOString(), new Date(8.64e15).toISOString(), isNaN(new Date("garbage")), String(new Date(NaN)));
console.log(Math.round((Date.UTC(2025, 0, 1) - Date.UTC(2024, 0, 1)) / 86400000), new Date(Date.UTC(99, 0)).getUTCFullYear());
try {
  new Date(NaN).toISOString();
} catch (e) {
  console.log("invalid toISOString:", e.name);
}
console.log(new Date(Date.UTC(2024, 0, 1)).toUTCString(), typeof Date.now(), Date.now() > 1.6e12);
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
console.log([1, 2, 3].map((m) => days[new Date(Date.UTC(2024, m, 1)).getUTCDay()]).join(","));
