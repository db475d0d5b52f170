// strings and Unicode: surrogate pairs, iteration by code point, normalisation, escapes, case mapping
const s = "a😀b👍🏽c";
console.log(s.length, [...s].length, Array.from(s).map((c) => c.codePointAt(0).toString(16)).join(" "));
console.log(s.charCodeAt(1).toString(16), s.charCodeAt(2).toString(16), s.codePointAt(1).toString(16), String.fromCharCode(0xd83d, 0xde00));
console.log("\u00e9" === "\u0065\u0301".normalize("NFC"), "\u{1F600}" === "😀", "\x41\u0042\u{43}", encodeURIComponent("ä ✓/?"), decodeURIComponent("%E2%9C%93"));
console.log(encodeURI("https://x.org/a b?q=ü&r=1#f"), escape ? typeof escape : "", JSON.stringify("😀"), JSON.stringify("\ud800"));
console.log("İstanbul".toLowerCase(), "ß".toUpperCase(), "ﬀ".toUpperCase(), "Σ".toLowerCase(), "ΌΣΟΣ".toLowerCase());
console.log([..."👨‍👩‍👧"].length, "👨‍👩‍👧".length, "abc".split("").reverse().join(""), [..."mañana"].reverse().join(""));
try { decodeURIComponent("%"); } catch (e) { console.log("decode:", e.name); }
