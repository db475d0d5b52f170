// Date: local-time strings and getters with the time zone set to UTC (node runs with TZ=UTC)
const d = new Date(Date.UTC(2024, 6, 4, 9, 5, 3));
console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getTimezoneOffset());
console.log(new Date(2024, 0, 15, 10, 30).toISOString(), new Date("2024-01-15T10:30:00").toISOString());
console.log(d.toString());
console.log(d.toDateString(), "|", d.toTimeString());
