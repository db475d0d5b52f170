// URL: parsing components, setters, href normalisation, searchParams
const u = new URL("https://user:pa%20ss@Example.COM:8080/a/b/../c/./d.html?x=1&y=two%20words#frag");
console.log(u.href);
console.log(u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin);
u.pathname = "/new path";
u.hash = "";
u.port = "443";
console.log(u.toString(), u.port === "");
u.searchParams.append("z", "a&b");
console.log(u.search, u.searchParams.get("y"));
console.log(new URL("http://example.com").pathname, new URL("HTTP://EXAMPLE.com:80/").href);
console.log(new URL("file:///tmp/a%20b.txt").pathname, new URL("mailto:someone@example.com").pathname);
console.log(JSON.stringify(new URL("https://example.com/x?q=1")));
console.log(new URL("https://例え.jp/").hostname);
