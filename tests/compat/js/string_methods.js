// string methods: padStart, padEnd, replaceAll, normalize, at, trim, split, repeat, codePointAt, startsWith, raw
const s = "  Hello, World  ";
console.log(`[${s.trim()}] [${s.trimStart()}] [${s.trimEnd()}]`, s.length);
console.log("5".padStart(3, "0"), "abc".padEnd(6, "-") + "|", "x".padStart(5), "toolong".padStart(3));
console.log("a-b-c".replaceAll("-", "+"), "aaa".replaceAll(/a/g, "b"), "a.b.c".replace(".", "!"));
console.log("café".normalize("NFD").length, "café".normalize("NFC").length, "ﬁ".normalize("NFKC"), "e\u0301" === "é", "e\u0301".normalize() === "é");
console.log("hello".at(-1), "hello".charAt(1), "hello"[10], "😀".length, [..."😀x"].length, "😀".codePointAt(0), String.fromCodePoint(128512, 65));
console.log("a,b,,c".split(","), "abc".split(""), "one two".split(" ", 1), "abc".repeat(2), "Hi".concat("!", "?"));
console.log("JavaScript".startsWith("Java"), "file.test.js".endsWith(".js"), "abcabc".indexOf("c", 3), "abcabc".lastIndexOf("a"));
console.log("Straße".toUpperCase(), "İ".toLowerCase().length, "ǅ".toUpperCase(), "TITLE".toLowerCase(), "mIxEd".toUpperCase());
console.log("abcdef".slice(-3, -1), "abcdef".substring(4, 1), "abcdef".substr(1, 2), String.raw`a\nb${1 + 1}`);
console.log("a\tb\\c".length, JSON.stringify("line1\nline2".split("\n")), "x".localeCompare("y"), "b".localeCompare("a"), "a".localeCompare("a"));
console.log(typeof "".isWellFormed === "function" ? ["ab".isWellFormed(), "a\uD800".isWellFormed(), "a\uD800".toWellFormed().charCodeAt(1)].join(",") : "n/a");
console.log("%", "100%", "a%sb", `${1}${"2"}${[3, 4]}${{}}${null}${undefined}`);
