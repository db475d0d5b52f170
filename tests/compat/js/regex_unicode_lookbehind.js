// regular expressions: lookbehind, lookahead, unicode property escapes, the u flag and code points
console.log("price: $42.50 and €17".match(/(?<=\$)\d+(\.\d+)?/)[0], "x1 y2 z3".match(/(?<!y)\d/g).join(","));
console.log("foobar foobaz".match(/foo(?=baz)/).index, "100px 200em".match(/\d+(?!\d|px)/g).join(","));
console.log("Ünïcödé text 東京 123".match(/\p{L}+/gu).join("|"), "a😀b".match(/./gu).length, "a😀b".match(/./g).length);
console.log(/\p{Script=Greek}/u.test("α"), /\p{Lu}/u.test("é"), /^\p{Emoji_Presentation}$/u.test("😀"), /\u{1F600}/u.test("😀"));
console.log("ÀÉÎ".normalize("NFD").replace(/\p{M}/gu, ""), "camelCaseString".replace(/(?<=[a-z])(?=[A-Z])/g, "_").toLowerCase());
console.log("1234567.891".replace(/\B(?<!\.\d*)(?=(\d{3})+(?!\d))/g, ","));
console.log(/[\u{1F300}-\u{1F5FF}]/u.test("🌍"), "ǅ".match(/\p{Lt}/u) !== null, /\p{Nd}+/u.exec("abc٣٤٥")[0]);
