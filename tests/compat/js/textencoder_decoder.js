// TextEncoder and TextDecoder: UTF-8 round trips, encodeInto, BOM, fatal mode, streaming
const enc = new TextEncoder();
const bytes = enc.encode("héllo ✓ 🎉");
console.log(enc.encoding, bytes.length, Array.from(bytes).join(","));
const dec = new TextDecoder();
console.log(dec.encoding, dec.decode(bytes), dec.decode(new Uint8Array([])) === "");
const target = new Uint8Array(5);
const r = enc.encodeInto("ab✓cd", target);
console.log(r.read, r.written, Array.from(target).join(","));
console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))));
console.log(JSON.stringify(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))));
console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62]))));
try {
  new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xc3, 0x28]));
  console.log("no error");
} catch (e) {
  console.log("fatal decode threw", e.name);
}
const streaming = new TextDecoder();
const euro = enc.encode("€");
const parts = [streaming.decode(euro.subarray(0, 1), { stream: true }), streaming.decode(euro.subarray(1), { stream: true }), streaming.decode()];
console.log(JSON.stringify(parts));
console.log(new TextDecoder().decode(enc.encode("round trip").buffer));
