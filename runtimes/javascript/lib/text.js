// `TextEncoder` and `TextDecoder` (WHATWG Encoding): UTF-8 both ways, and
// UTF-16LE for decoding; any other encoding is a RangeError that says so.
(function (env) {
  "use strict";
  const nodeError = env.nodeError;
  const received = env.received;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const Uint8ArrayCtor = Uint8Array;
  const fromCharCode = String.fromCharCode;
  const funcApply = Function.prototype.call.bind(Function.prototype.apply);
  const charCodeAt = Function.prototype.call.bind(String.prototype.charCodeAt);
  const strTrim = Function.prototype.call.bind(String.prototype.trim);
  const strToLower = Function.prototype.call.bind(String.prototype.toLowerCase);
  const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
  const getter = (proto, name) => Function.prototype.call.bind(Object.getOwnPropertyDescriptor(proto, name).get);
  const typedTag = getter(TypedArrayProto, Symbol.toStringTag);
  const typedBuffer = getter(TypedArrayProto, "buffer");
  const typedOffset = getter(TypedArrayProto, "byteOffset");
  const typedByteLength = getter(TypedArrayProto, "byteLength");
  const viewBuffer = getter(DataView.prototype, "buffer");
  const viewOffset = getter(DataView.prototype, "byteOffset");
  const viewByteLength = getter(DataView.prototype, "byteLength");
  const bufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
  const sharedByteLength = typeof SharedArrayBuffer === "function"
    ? getter(SharedArrayBuffer.prototype, "byteLength") : null;
  const isView = ArrayBuffer.isView;
  const defineProperty = Object.defineProperty;

  function invalidThis(type) {
    return nodeError(TypeErrorCtor, "ERR_INVALID_THIS", `Value of "this" must be of type ${type}`);
  }
  function tag(ctor, name) {
    defineProperty(ctor.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }

  // -- encoding ----------------------------------------------------------------------
  /** The UTF-8 length of `s` (lone surrogates count as U+FFFD: 3 bytes). */
  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = charCodeAt(s, i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (charCodeAt(s, i + 1) & 0xfc00) === 0xdc00) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
  /**
   * Writes UTF-8 of `s` into `out` from 0 while whole characters fit; returns
   * [code units read, bytes written].
   */
  function utf8Write(s, out, room) {
    let i = 0, j = 0;
    while (i < s.length) {
      let c = charCodeAt(s, i);
      let units = 1;
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < s.length ? charCodeAt(s, i + 1) : 0;
        if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          units = 2;
        } else {
          c = 0xfffd;
        }
      }
      if (c < 0x80) {
        if (j + 1 > room) break;
        out[j++] = c;
      } else if (c < 0x800) {
        if (j + 2 > room) break;
        out[j++] = 0xc0 | (c >> 6);
        out[j++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        if (j + 3 > room) break;
        out[j++] = 0xe0 | (c >> 12);
        out[j++] = 0x80 | ((c >> 6) & 63);
        out[j++] = 0x80 | (c & 63);
      } else {
        if (j + 4 > room) break;
        out[j++] = 0xf0 | (c >> 18);
        out[j++] = 0x80 | ((c >> 12) & 63);
        out[j++] = 0x80 | ((c >> 6) & 63);
        out[j++] = 0x80 | (c & 63);
      }
      i += units;
    }
    return [i, j];
  }

  class TextEncoder {
    get encoding() {
      if (!(this instanceof TextEncoder)) throw invalidThis("TextEncoder");
      return "utf-8";
    }
    encode(input = "") {
      if (!(this instanceof TextEncoder)) throw invalidThis("TextEncoder");
      const s = `${input}`;
      const out = new Uint8ArrayCtor(utf8Length(s));
      utf8Write(s, out, out.length);
      return out;
    }
    encodeInto(src, dest) {
      if (!(this instanceof TextEncoder)) throw invalidThis("TextEncoder");
      const s = `${src}`;
      if (dest === null || typeof dest !== "object" || !isView(dest) || typedTag(dest) !== "Uint8Array") {
        throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
          "The \"dest\" argument must be an instance of Uint8Array. Received " + received(dest));
      }
      const [read, written] = utf8Write(s, dest, dest.length);
      return { read, written };
    }
  }
  tag(TextEncoder, "TextEncoder");

  // -- decoding ----------------------------------------------------------------------
  const LABELS = { __proto__: null };
  for (const label of ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]) {
    LABELS[label] = "utf-8";
  }
  for (const label of ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]) {
    LABELS[label] = "utf-16le";
  }
  // encodings node knows and candor does not decode
  const KNOWN = { __proto__: null };
  for (const label of [
    "unicodefffe", "utf-16be", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
    "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
    "us-ascii", "windows-1252", "x-cp1252",
  ]) {
    KNOWN[label] = true;
  }

  /** The bytes of an ArrayBuffer, SharedArrayBuffer or view, as a Uint8Array over them. */
  function bytesOf(input) {
    if (input !== null && typeof input === "object") {
      if (isView(input)) {
        if (typedTag(input) !== undefined) {
          return new Uint8ArrayCtor(typedBuffer(input), typedOffset(input), typedByteLength(input));
        }
        return new Uint8ArrayCtor(viewBuffer(input), viewOffset(input), viewByteLength(input));
      }
      let ok = false;
      try { bufferByteLength(input); ok = true; } catch (_) { /* not an ArrayBuffer */ }
      if (!ok && sharedByteLength !== null) {
        try { sharedByteLength(input); ok = true; } catch (_) { /* nor a SharedArrayBuffer */ }
      }
      if (ok) return new Uint8ArrayCtor(input);
    }
    throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
      "The \"list\" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.");
  }

  /** Collects UTF-16 code units and makes a string of them, a chunk at a time. */
  class Units {
    constructor() { this.parts = []; this.chunk = []; this.text = ""; }
    push(c) {
      const chunk = this.chunk;
      chunk[chunk.length] = c;
      if (chunk.length === 4096) { this.text += funcApply(fromCharCode, null, chunk); this.chunk = []; }
    }
    pushCodePoint(cp) {
      if (cp < 0x10000) this.push(cp);
      else {
        cp -= 0x10000;
        this.push(0xd800 + (cp >> 10));
        this.push(0xdc00 + (cp & 0x3ff));
      }
    }
    end() {
      return this.chunk.length ? this.text + funcApply(fromCharCode, null, this.chunk) : this.text;
    }
  }

  function invalidData(encoding) {
    return nodeError(TypeErrorCtor, "ERR_ENCODING_INVALID_ENCODED_DATA",
      `The encoded data was not valid for encoding ${encoding}`);
  }

  class TextDecoder {
    #encoding;
    #fatal;
    #ignoreBOM;
    #pending = []; // bytes of an incomplete sequence kept by {stream: true}
    #started = false; // a BOM is only looked for at the start of a stream
    constructor(label = "utf-8", options = undefined) {
      const name = strToLower(strTrim(`${label}`));
      const encoding = LABELS[name];
      if (encoding === undefined) {
        const supported = KNOWN[name] === true ? " in candor (only utf-8 and utf-16le)" : "";
        throw nodeError(RangeErrorCtor, "ERR_ENCODING_NOT_SUPPORTED",
          `The "${label}" encoding is not supported${supported}`);
      }
      if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
        throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
          "The \"options\" argument must be of type object. Received " + received(options));
      }
      this.#encoding = encoding;
      this.#fatal = options != null && !!options.fatal;
      this.#ignoreBOM = options != null && !!options.ignoreBOM;
    }
    get encoding() {
      if (!(#encoding in this)) throw invalidThis("TextDecoder");
      return this.#encoding;
    }
    get fatal() {
      if (!(#encoding in this)) throw invalidThis("TextDecoder");
      return this.#fatal;
    }
    get ignoreBOM() {
      if (!(#encoding in this)) throw invalidThis("TextDecoder");
      return this.#ignoreBOM;
    }
    decode(input = undefined, options = undefined) {
      if (!(#encoding in this)) throw invalidThis("TextDecoder");
      const bytes = input === undefined ? new Uint8ArrayCtor(0) : bytesOf(input);
      if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
        throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
          "The \"options\" argument must be of type object. Received " + received(options));
      }
      const stream = options != null && !!options.stream;
      // the bytes an earlier streamed call left incomplete come first
      let data = bytes;
      const pending = this.#pending;
      if (pending.length > 0) {
        data = new Uint8ArrayCtor(pending.length + bytes.length);
        for (let i = 0; i < pending.length; i++) data[i] = pending[i];
        data.set(bytes, pending.length);
      }
      this.#pending = [];
      let text;
      try {
        text = this.#encoding === "utf-8" ? this.#utf8(data, stream) : this.#utf16(data, stream);
      } catch (e) {
        this.#started = false;
        this.#pending = [];
        throw e;
      }
      if (!this.#started && text.length > 0) {
        this.#started = true;
        if (!this.#ignoreBOM && charCodeAt(text, 0) === 0xfeff) text = text.slice(1);
      }
      if (!stream) this.#started = false;
      return text;
    }
    #utf8(data, stream) {
      const out = new Units();
      const n = data.length;
      const fatal = this.#fatal;
      let i = 0;
      while (i < n) {
        const b = data[i];
        if (b < 0x80) { out.push(b); i++; continue; }
        let need, cp, lower = 0x80, upper = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
        else if (b >= 0xe0 && b <= 0xef) {
          need = 2; cp = b & 0xf;
          if (b === 0xe0) lower = 0xa0;
          else if (b === 0xed) upper = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3; cp = b & 0x7;
          if (b === 0xf0) lower = 0x90;
          else if (b === 0xf4) upper = 0x8f;
        } else {
          if (fatal) throw invalidData("utf-8");
          out.push(0xfffd);
          i++;
          continue;
        }
        let j = i + 1, seen = 0;
        while (seen < need && j < n) {
          const c = data[j];
          if (c < lower || c > upper) break;
          lower = 0x80; upper = 0xbf;
          cp = (cp << 6) | (c & 0x3f);
          seen++;
          j++;
        }
        if (seen === need) { out.pushCodePoint(cp); i = j; continue; }
        if (j === n && stream) {
          // an incomplete sequence at the end: wait for the rest
          for (let k = i; k < n; k++) this.#pending[this.#pending.length] = data[k];
          break;
        }
        // a maximal subpart that is not a whole sequence: one U+FFFD for it
        if (fatal) throw invalidData("utf-8");
        out.push(0xfffd);
        i = j;
      }
      return out.end();
    }
    #utf16(data, stream) {
      const out = new Units();
      const fatal = this.#fatal;
      let end = data.length;
      let lead = -1; // a high surrogate waiting for its low half
      let leadAt = 0;
      const odd = end % 2 === 1;
      if (odd) end--;
      for (let i = 0; i < end; i += 2) {
        const c = data[i] | (data[i + 1] << 8);
        if (lead >= 0) {
          if (c >= 0xdc00 && c <= 0xdfff) { out.push(lead); out.push(c); lead = -1; continue; }
          if (fatal) throw invalidData("utf-16le");
          out.push(0xfffd);
          lead = -1;
        }
        if (c >= 0xd800 && c <= 0xdbff) { lead = c; leadAt = i; continue; }
        if (c >= 0xdc00 && c <= 0xdfff) {
          if (fatal) throw invalidData("utf-16le");
          out.push(0xfffd);
          continue;
        }
        out.push(c);
      }
      if (stream) {
        const from = lead >= 0 ? leadAt : end;
        for (let k = from; k < data.length; k++) this.#pending[this.#pending.length] = data[k];
        return out.end();
      }
      if (lead >= 0 || odd) {
        if (fatal) throw invalidData("utf-16le");
        out.push(0xfffd);
      }
      return out.end();
    }
  }
  tag(TextDecoder, "TextDecoder");
  return { TextEncoder, TextDecoder };
})
