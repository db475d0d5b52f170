// typed arrays: element types, overflow wrapping, clamping, subarray views, sort, from, set, conversion
const u8 = new Uint8Array([1, 255, 256, -1]);
console.log(Array.from(u8).join(","), new Int8Array([127, 128, -129]).join(","), new Uint8ClampedArray([300, -5, 1.5]).join(","));
const f32 = new Float32Array([0.1, 1 / 3]);
console.log(f32[0], f32[1], new Float64Array([0.1])[0], Float32Array.BYTES_PER_ELEMENT, new BigInt64Array([2n ** 63n])[0]);
const buf = new ArrayBuffer(8);
const view32 = new Uint32Array(buf);
const view8 = new Uint8Array(buf);
view32[0] = 0x01020304;
console.log(Array.from(view8.subarray(0, 4)).join(","), buf.byteLength, view8.byteOffset, new Uint8Array(buf, 4, 2).length);
const sub = view8.subarray(4);
sub[0] = 9;
console.log(view8[4], view8.slice(4, 5)[0], Array.from(new Int16Array([5, -3, 10]).sort()).join(","));
const target = new Uint8Array(6);
target.set([1, 2], 1);
target.set(new Uint8Array([7, 8]), 4);
console.log(target.join(","), Uint16Array.from([1, 2, 3], (x) => x * 1000).join(","), new Uint8Array(3).fill(7).join(""));
console.log(target.map((x) => x * 2).join(","), target.filter((x) => x).length, target.reduce((a, b) => a + b), target.indexOf(7), target.at(-1));
console.log(Object.prototype.toString.call(new Float64Array(1)), ArrayBuffer.isView(view8), buf.slice(0, 2).byteLength, JSON.stringify(new Uint8Array([1, 2])));
