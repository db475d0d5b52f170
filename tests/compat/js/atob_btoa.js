// atob and btoa: base64 of Latin-1 strings, UTF-8 via TextEncoder, invalid input
console.log(btoa("hello world"), atob("aGVsbG8gd29ybGQ="), btoa(""), atob(""));
console.log(btoa(String.fromCharCode(0, 255, 128)), JSON.stringify(atob("AP+A")));
console.log(atob(" aGk= "), atob("aGk"));
try {
  btoa("✓");
} catch (e) {
  console.log("btoa non-latin1:", e.name);
}
try {
  atob("@@@");
} catch (e) {
  console.log("atob invalid:", e.name);
}
const utf8 = new TextEncoder().encode("héllo");
const b64 = btoa(String.fromCharCode(...utf8));
console.log(b64, new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))));
