// Intl.DateTimeFormat, Intl.PluralRules, Intl.RelativeTimeFormat, Intl.Collator with explicit locales and UTC
const d = new Date(Date.UTC(2024, 2, 5, 14, 7, 9));
console.log(new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "full", timeStyle: "short" }).format(d));
console.log(new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(d));
console.log(new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long" }).format(d), d.toLocaleDateString("de-DE", { timeZone: "UTC" }));
const pr = new Intl.PluralRules("en-US");
console.log([0, 1, 2].map((n) => pr.select(n)).join(","), new Intl.PluralRules("en-US", { type: "ordinal" }).select(2));
console.log(new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(-1, "day"));
console.log(["z", "ä", "a"].sort(new Intl.Collator("de").compare).join(","));
