// URL: relative resolution against a base, invalid input, URL.canParse
const base = "https://example.com/docs/guide/intro.html?x=1";
for (const rel of ["next.html", "../api/", "/root", "//cdn.example.org/lib.js", "?page=2", "#top", "https://other.org/"]) {
  console.log(rel, "->", new URL(rel, base).href);
}
try {
  new URL("not a url");
} catch (e) {
  console.log(e.name, e instanceof TypeError);
}
try {
  new URL("/relative/without/base");
} catch (e) {
  console.log("relative without base:", e.name);
}
console.log(typeof URL.canParse === "function" ? URL.canParse("https://a.b") : "no canParse");
