// DataView: reading and writing with explicit endianness, floats, bigints, bounds errors
const buf = new ArrayBuffer(24);
const dv = new DataView(buf);
dv.setUint16(0, 0xABCD);
dv.setUint16(2, 0xABCD, true);
dv.setInt32(4, -2);
dv.setFloat32(8, 1.5);
dv.setFloat64(12, Math.PI, true);
dv.setBigUint64(16, 2n ** 63n + 5n);
console.log(Array.from(new Uint8Array(buf, 0, 8)).map((b) => b.toString(16).padStart(2, "0")).join(" "));
console.log(dv.getUint16(0), dv.getUint16(0, true), dv.getUint16(2, true), dv.getInt32(4), dv.getUint32(4), dv.getFloat32(8), dv.getFloat64(12, true));
console.log(dv.getBigUint64(16), dv.getBigInt64(16), dv.getInt8(0), dv.getUint8(1), dv.byteLength);
try {
  dv.getUint32(22);
} catch (e) {
  console.log("out of bounds:", e.name);
}
const header = new DataView(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]).buffer);
console.log(header.getUint32(0).toString(16), header.getUint32(4), String.fromCharCode(header.getUint8(1), header.getUint8(2), header.getUint8(3)));
