// `structuredClone` (HTML's structured clone, as node does it): primitives,
// plain objects and arrays (own enumerable string keys, holes kept), Map, Set,
// Date, RegExp, boxed primitives, errors, ArrayBuffer (and `transfer`), typed
// arrays and DataView, with shared and cyclic references kept. Functions,
// symbols, WeakMap, Promise and the like throw a DataCloneError, as in node.
(function (env) {
  "use strict";
  const nodeError = env.nodeError;
  const uncurry = (f) => Function.prototype.call.bind(f);
  const getter = (proto, name) => uncurry(Object.getOwnPropertyDescriptor(proto, name).get);
  const DOMExceptionCtor = DOMException;
  const TypeErrorCtor = TypeError;
  const ObjectCtor = Object;
  const ArrayCtor = Array;
  const MapCtor = Map;
  const SetCtor = Set;
  const DateCtor = Date;
  const RegExpCtor = RegExp;
  const DataViewCtor = DataView;
  const StringCtor = String;
  const objectKeys = Object.keys;
  const defineProperty = Object.defineProperty;
  const getPrototypeOf = Object.getPrototypeOf;
  const hasOwn = Object.hasOwn;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const objectToString = uncurry(Object.prototype.toString);
  const functionToString = uncurry(Function.prototype.toString);
  const mapGet = uncurry(Map.prototype.get);
  const mapSet = uncurry(Map.prototype.set);
  const mapHas = uncurry(Map.prototype.has);
  const mapForEach = uncurry(Map.prototype.forEach);
  const mapSize = getter(Map.prototype, "size");
  const setAdd = uncurry(Set.prototype.add);
  const setForEach = uncurry(Set.prototype.forEach);
  const setSize = getter(Set.prototype, "size");
  const dateGetTime = uncurry(Date.prototype.getTime);
  const regexpSource = getter(RegExp.prototype, "source");
  const regexpFlags = getter(RegExp.prototype, "flags");
  const bufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
  const bufferSlice = uncurry(ArrayBuffer.prototype.slice);
  const bufferTransfer = typeof ArrayBuffer.prototype.transfer === "function"
    ? uncurry(ArrayBuffer.prototype.transfer) : null;
  const TypedArrayProto = getPrototypeOf(Uint8Array.prototype);
  const typedTag = getter(TypedArrayProto, Symbol.toStringTag);
  const typedBuffer = getter(TypedArrayProto, "buffer");
  const typedOffset = getter(TypedArrayProto, "byteOffset");
  const typedLength = getter(TypedArrayProto, "length");
  const viewBuffer = getter(DataView.prototype, "buffer");
  const viewOffset = getter(DataView.prototype, "byteOffset");
  const viewByteLength = getter(DataView.prototype, "byteLength");
  const valueOf = {
    Number: uncurry(Number.prototype.valueOf),
    String: uncurry(String.prototype.valueOf),
    Boolean: uncurry(Boolean.prototype.valueOf),
    BigInt: uncurry(BigInt.prototype.valueOf),
  };
  const TYPED = { __proto__: null };
  for (const C of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
    TYPED[C.name] = C;
  }
  if (typeof Float16Array === "function") TYPED.Float16Array = Float16Array;
  // the error types a clone keeps (any other name becomes Error, as in V8)
  const ERRORS = {
    __proto__: null,
    Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
  };
  // objects with internal state that cannot be copied (what node says of them)
  const UNCLONEABLE = {
    __proto__: null,
    "[object WeakMap]": true, "[object WeakSet]": true, "[object WeakRef]": true,
    "[object FinalizationRegistry]": true, "[object Promise]": true, "[object Generator]": true,
    "[object AsyncGenerator]": true, "[object Arguments]": true, "[object Array Iterator]": true,
    "[object Map Iterator]": true, "[object Set Iterator]": true, "[object String Iterator]": true,
    "[object RegExp String Iterator]": true, "[object Iterator Helper]": true,
    "[object Symbol]": true,
  };

  function uncloneable(what) {
    return new DOMExceptionCtor(what + " could not be cloned.", "DataCloneError");
  }
  /** `#<Name>` as V8 names an object it cannot clone. */
  function objectName(v) {
    try {
      const ctor = v.constructor;
      if (typeof ctor === "function" && typeof ctor.name === "string" && ctor.name !== "") return "#<" + ctor.name + ">";
    } catch (_) { /* hostile getter */ }
    return "#<Object>";
  }
  /** Calls `brand(v)`; true when it did not throw (v has the internal slot). */
  function has(brand, v) {
    try {
      brand(v);
      return true;
    } catch (_) {
      return false;
    }
  }
  const define = (o, key, value) => {
    defineProperty(o, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  };
  const hidden = (o, key, value) => {
    defineProperty(o, key, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
  };

  function structuredClone(value, options = undefined) {
    if (arguments.length === 0) {
      throw nodeError(TypeErrorCtor, "ERR_MISSING_ARGS", "The value argument must be specified");
    }
    if (options !== undefined && options !== null && typeof options !== "object") {
      throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE", "The options argument must be either an object or undefined");
    }
    const memory = new MapCtor(); // original -> clone
    const transfer = options == null ? undefined : options.transfer;
    const transferred = [];
    if (transfer !== undefined) {
      if (transfer === null || typeof transfer !== "object" || typeof transfer[Symbol.iterator] !== "function") {
        throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE", "Optional transferList argument must be an iterable");
      }
      const seen = new MapCtor();
      for (const buffer of transfer) {
        if (buffer === null || typeof buffer !== "object" || !has(bufferByteLength, buffer)) {
          throw new TypeErrorCtor("Found invalid object in transferList");
        }
        if (mapHas(seen, buffer)) throw new DOMExceptionCtor("Transfer list contains duplicate ArrayBuffer", "DataCloneError");
        mapSet(seen, buffer, true);
        transferred[transferred.length] = buffer;
      }
      if (transferred.length > 0 && bufferTransfer === null) {
        throw new DOMExceptionCtor("transferring an ArrayBuffer is not available in candor", "DataCloneError");
      }
    }
    const result = clone(value, memory);
    // A transferred buffer is cloned as a copy like any other, and detached
    // once the whole value is cloned (views of it may be cloned after it):
    // nothing can tell a copy from moved memory, and the original ends up
    // empty as in node.
    for (let i = 0; i < transferred.length; i++) bufferTransfer(transferred[i]);
    return result;
  }

  function clone(v, memory) {
    const t = typeof v;
    if (t === "symbol") throw uncloneable(StringCtor(v));
    if (t === "function") throw uncloneable(functionToString(v));
    if (t !== "object" || v === null) return v;
    const known = mapGet(memory, v);
    if (known !== undefined) return known;
    if (isArray(v)) {
      const out = new ArrayCtor(v.length);
      mapSet(memory, v, out);
      copyKeys(v, out, memory);
      return out;
    }
    const tag = objectToString(v);
    if (UNCLONEABLE[tag] === true) {
      throw uncloneable(tag === "[object Generator]" || tag === "[object Symbol]" ? tag : objectName(v));
    }
    if (tag === "[object Date]" && has(dateGetTime, v)) return remember(memory, v, new DateCtor(dateGetTime(v)));
    if (has(regexpSource, v)) return remember(memory, v, new RegExpCtor(regexpSource(v), regexpFlags(v)));
    if (has(mapSize, v)) {
      const out = new MapCtor();
      mapSet(memory, v, out);
      const entries = [];
      mapForEach(v, (value, key) => { entries[entries.length] = [key, value]; });
      for (let i = 0; i < entries.length; i++) {
        mapSet(out, clone(entries[i][0], memory), clone(entries[i][1], memory));
      }
      return out;
    }
    if (has(setSize, v)) {
      const out = new SetCtor();
      mapSet(memory, v, out);
      const items = [];
      setForEach(v, (value) => { items[items.length] = value; });
      for (let i = 0; i < items.length; i++) setAdd(out, clone(items[i], memory));
      return out;
    }
    if (has(bufferByteLength, v)) return remember(memory, v, bufferSlice(v, 0));
    if (isView(v)) return cloneView(v, memory);
    for (const name of ["Number", "String", "Boolean", "BigInt"]) {
      if (tag === "[object " + name + "]" && has(valueOf[name], v)) {
        return remember(memory, v, ObjectCtor(valueOf[name](v)));
      }
    }
    if (tag === "[object Error]") return cloneError(v, memory);
    const out = {};
    mapSet(memory, v, out);
    copyKeys(v, out, memory);
    return out;
  }

  function remember(memory, v, out) {
    mapSet(memory, v, out);
    return out;
  }

  function copyKeys(from, to, memory) {
    const keys = objectKeys(from);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      define(to, key, clone(from[key], memory));
    }
  }

  function cloneView(v, memory) {
    const typed = typedTag(v);
    const buffer = clone(typed !== undefined ? typedBuffer(v) : viewBuffer(v), memory);
    const out = typed !== undefined
      ? new TYPED[typed](buffer, typedOffset(v), typedLength(v))
      : new DataViewCtor(buffer, viewOffset(v), viewByteLength(v));
    return remember(memory, v, out);
  }

  function cloneError(v, memory) {
    let name = "Error";
    try { name = v.name; } catch (_) { /* hostile getter */ }
    const Ctor = ERRORS[name] || ERRORS.Error;
    const out = new Ctor();
    mapSet(memory, v, out);
    if (hasOwn(v, "message")) hidden(out, "message", StringCtor(v.message));
    let stack;
    try { stack = v.stack; } catch (_) { /* hostile getter */ }
    if (typeof stack === "string") hidden(out, "stack", stack);
    if (hasOwn(v, "cause")) hidden(out, "cause", clone(v.cause, memory));
    return out;
  }

  return { structuredClone };
})
