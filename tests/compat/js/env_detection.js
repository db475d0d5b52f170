// environment detection that scripts do: which globals exist (node has process, module and require)
console.log(typeof globalThis, typeof window, typeof document, typeof self);
console.log(typeof process, typeof require, typeof module, typeof exports, typeof Buffer);
const isNode = typeof process !== "undefined" && !!process.versions?.node;
console.log("node?", isNode);
