// `crypto`: getRandomValues and randomUUID, from the sandbox's random source
// (WASI random_get, a fixed sequence under --deterministic, so such runs repeat).
// Web Crypto (`crypto.subtle`) is not provided. See bootstrap.js for how libs load.
(function (env) {
  "use strict";
  const random = env.random;
  const nodeError = env.nodeError;
  const DOMExceptionCtor = DOMException;
  const TypeErrorCtor = TypeError;
  const ErrorCtor = Error;
  const Uint8ArrayCtor = Uint8Array;
  const getPrototypeOf = Object.getPrototypeOf;
  const TypedArrayProto = getPrototypeOf(Uint8Array.prototype);
  const typedTag = Function.prototype.call.bind(
    Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get);
  const typedBuffer = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(TypedArrayProto, "buffer").get);
  const typedOffset = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(TypedArrayProto, "byteOffset").get);
  const typedByteLength = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(TypedArrayProto, "byteLength").get);
  const INTEGER_ARRAYS = {
    __proto__: null,
    Int8Array: true, Uint8Array: true, Uint8ClampedArray: true, Int16Array: true, Uint16Array: true,
    Int32Array: true, Uint32Array: true, BigInt64Array: true, BigUint64Array: true,
  };
  const MAX_BYTES = 65536;
  const HEX = "0123456789abcdef";

  let instance = null; // the one Crypto, made by the harness's own `new`
  class Crypto {
    constructor(key) {
      if (instance !== null || key !== INTERNAL) throw new TypeErrorCtor("Illegal constructor");
    }
    getRandomValues(array) {
      if (this !== instance) {
        throw nodeError(TypeErrorCtor, "ERR_INVALID_THIS", "Value of \"this\" must be of type Crypto");
      }
      if (arguments.length === 0) {
        throw nodeError(TypeErrorCtor, "ERR_MISSING_ARGS",
          "Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 present.");
      }
      const tag = array !== null && typeof array === "object" ? typedTag(array) : undefined;
      if (tag === undefined || INTEGER_ARRAYS[tag] !== true) {
        throw new DOMExceptionCtor("The data argument must be an integer-type TypedArray", "TypeMismatchError");
      }
      const length = typedByteLength(array);
      if (length > MAX_BYTES) {
        throw new DOMExceptionCtor("The requested length exceeds 65,536 bytes", "QuotaExceededError");
      }
      random(new Uint8ArrayCtor(typedBuffer(array), typedOffset(array), length));
      return array;
    }
    randomUUID() {
      if (this !== instance) {
        throw nodeError(TypeErrorCtor, "ERR_INVALID_THIS", "Value of \"this\" must be of type Crypto");
      }
      const b = new Uint8ArrayCtor(16);
      random(b);
      b[6] = (b[6] & 0x0f) | 0x40; // version 4
      b[8] = (b[8] & 0x3f) | 0x80; // the RFC 4122 variant
      let s = "";
      for (let i = 0; i < 16; i++) {
        if (i === 4 || i === 6 || i === 8 || i === 10) s += "-";
        s += HEX[b[i] >> 4] + HEX[b[i] & 15];
      }
      return s;
    }
    get subtle() {
      throw new ErrorCtor("crypto.subtle (Web Crypto) is not available in candor");
    }
  }
  const INTERNAL = {};
  Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: "Crypto", configurable: true });
  instance = new Crypto(INTERNAL);
  return { crypto: instance };
})
