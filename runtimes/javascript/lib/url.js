// `URL` and `URLSearchParams` (WHATWG URL): the parser's state machine, hosts
// (domains lowercased and, when not ASCII, punycoded; IPv4 in all its forms;
// IPv6), default ports dropped, `.`/`..` segments resolved, percent-encoding
// with the standard's sets as node 20 applies them, relative references, and
// the setters. Domains are mapped by lowercasing and NFKC, not the full UTS 46
// table. An unparsable URL is node's `TypeError: Invalid URL`.
(function (env) {
  "use strict";
  const nodeError = env.nodeError;
  const received = env.received;
  const uncurry = (f) => Function.prototype.call.bind(f);
  const TypeErrorCtor = TypeError;
  const StringCtor = String;
  const ArrayFrom = Array.from;
  const fromCharCode = String.fromCharCode;
  const fromCodePoint = String.fromCodePoint;
  const charCodeAt = uncurry(String.prototype.charCodeAt);
  const codePointAt = uncurry(String.prototype.codePointAt);
  const strToLower = uncurry(String.prototype.toLowerCase);
  const strNormalize = uncurry(String.prototype.normalize);
  const strToWellFormed = uncurry(String.prototype.toWellFormed);
  const strSlice = uncurry(String.prototype.slice);
  const strIndexOf = uncurry(String.prototype.indexOf);
  const strReplace = uncurry(String.prototype.replace);
  const strSplit = uncurry(String.prototype.split);
  const arrayPush = uncurry(Array.prototype.push);
  const arrayPop = uncurry(Array.prototype.pop);
  const arrayJoin = uncurry(Array.prototype.join);
  const arraySlice = uncurry(Array.prototype.slice);
  const arraySplice = uncurry(Array.prototype.splice);
  const regexpTest = uncurry(RegExp.prototype.test);
  const objectKeys = Object.keys;
  const defineProperty = Object.defineProperty;
  const SymbolIterator = Symbol.iterator;

  // -- code points and percent-encoding ------------------------------------------------
  const isAlpha = (c) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
  const isDigit = (c) => c >= "0" && c <= "9";
  const isHex = (c) => isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F");
  const HEX = "0123456789ABCDEF";

  // percent-encode sets, as tables over ASCII (code points above 0x7E are always encoded)
  function set(base, extra) {
    const table = new Uint8Array(128);
    if (base) table.set(base);
    for (let c = 0; c < 0x20; c++) table[c] = 1;
    table[0x7f] = 1;
    for (let i = 0; i < extra.length; i++) table[charCodeAt(extra, i)] = 1;
    return table;
  }
  const C0_SET = set(null, "");
  const FRAGMENT_SET = set(C0_SET, " \"<>`");
  const QUERY_SET = set(C0_SET, " \"#<>");
  const SPECIAL_QUERY_SET = set(QUERY_SET, "'");
  const PATH_SET = set(QUERY_SET, "?`{}");
  const USERINFO_SET = set(PATH_SET, "/:;=@[\\]^|");
  const COMPONENT_SET = set(USERINFO_SET, "$%&+,");
  const FORM_SET = set(COMPONENT_SET, "!'()~");

  function utf8Bytes(cp, out) {
    if (cp < 0x80) arrayPush(out, cp);
    else if (cp < 0x800) arrayPush(out, 0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) arrayPush(out, 0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else arrayPush(out, 0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    return out;
  }
  const pct = (b) => "%" + HEX[b >> 4] + HEX[b & 15];
  /** One code point (a string), UTF-8 percent-encoded if it is in `table`. */
  function encodeChar(c, table) {
    const cp = codePointAt(c, 0);
    if (cp < 0x80) return table[cp] === 1 ? pct(cp) : c;
    const bytes = utf8Bytes(cp, []);
    let s = "";
    for (let i = 0; i < bytes.length; i++) s += pct(bytes[i]);
    return s;
  }
  function encodeString(s, table) {
    let out = "";
    for (const c of s) out += encodeChar(c, table);
    return out;
  }
  /** application/x-www-form-urlencoded: the form set, and spaces as "+". */
  function encodeForm(s) {
    let out = "";
    for (const c of strToWellFormed(s)) out += c === " " ? "+" : encodeChar(c, FORM_SET);
    return out;
  }

  /** UTF-8 bytes to a string, each maximal invalid subpart as U+FFFD (WHATWG). */
  function decodeUtf8(bytes) {
    let out = "";
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      const b = bytes[i];
      if (b < 0x80) { out += fromCharCode(b); i++; continue; }
      let need, cp, lower = 0x80, upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0xf; if (b === 0xe0) lower = 0xa0; else if (b === 0xed) upper = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x7; if (b === 0xf0) lower = 0x90; else if (b === 0xf4) upper = 0x8f; }
      else { out += "\ufffd"; i++; continue; }
      let j = i + 1, seen = 0;
      while (seen < need && j < n && bytes[j] >= lower && bytes[j] <= upper) {
        lower = 0x80; upper = 0xbf;
        cp = (cp << 6) | (bytes[j] & 0x3f);
        seen++;
        j++;
      }
      out += seen === need ? fromCodePoint(cp) : "\ufffd";
      i = j;
    }
    return out;
  }
  /** The bytes of `s` (as UTF-8) with its %XX sequences decoded. */
  function percentDecodeBytes(s) {
    const bytes = [];
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === "%" && i + 2 < s.length && isHex(s[i + 1]) && isHex(s[i + 2])) {
        arrayPush(bytes, parseInt(s[i + 1] + s[i + 2], 16));
        i += 2;
      } else {
        const cp = codePointAt(s, i);
        if (cp > 0xffff) i++;
        utf8Bytes(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp, bytes);
      }
    }
    return bytes;
  }
  const percentDecode = (s) => decodeUtf8(percentDecodeBytes(s));

  // -- hosts --------------------------------------------------------------------------
  const FORBIDDEN_HOST = set(null, "");
  for (let c = 0; c < 0x20; c++) FORBIDDEN_HOST[c] = 0;
  FORBIDDEN_HOST[0x7f] = 0;
  for (const c of "\u0000\t\n\r #/:<>?@[\\]^|") FORBIDDEN_HOST[charCodeAt(c, 0)] = 1;
  const FORBIDDEN_DOMAIN = set(FORBIDDEN_HOST, "%");

  function parseIPv4Number(s) {
    if (s === "") return NaN;
    let radix = 10;
    if (s.length >= 2 && (strSlice(s, 0, 2) === "0x" || strSlice(s, 0, 2) === "0X")) {
      s = strSlice(s, 2);
      radix = 16;
    } else if (s.length >= 2 && s[0] === "0") {
      s = strSlice(s, 1);
      radix = 8;
    }
    if (s === "") return 0;
    const valid = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
    if (!regexpTest(valid, s)) return NaN;
    return parseInt(s, radix);
  }
  /** Whether a domain's last label is a number: then it must be an IPv4 address. */
  function endsInNumber(domain) {
    const parts = strSplit(domain, ".");
    if (parts[parts.length - 1] === "") {
      if (parts.length === 1) return false;
      arrayPop(parts);
    }
    const last = parts[parts.length - 1];
    if (last !== "" && regexpTest(/^[0-9]+$/, last)) return true;
    return !Number.isNaN(parseIPv4Number(last)) && regexpTest(/^0[xX][0-9a-fA-F]*$/, last);
  }
  /** The dotted form of an IPv4 address, or null. */
  function parseIPv4(input) {
    const parts = strSplit(input, ".");
    if (parts[parts.length - 1] === "" && parts.length > 1) arrayPop(parts);
    if (parts.length > 4) return null;
    const numbers = [];
    for (let i = 0; i < parts.length; i++) {
      const n = parseIPv4Number(parts[i]);
      if (Number.isNaN(n)) return null;
      arrayPush(numbers, n);
    }
    for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
    const last = numbers[numbers.length - 1];
    if (last >= 256 ** (5 - numbers.length)) return null;
    let ipv4 = last;
    for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
    const out = [];
    for (let i = 0; i < 4; i++) {
      arrayPush(out, StringCtor(ipv4 % 256));
      ipv4 = Math.floor(ipv4 / 256);
    }
    return out[3] + "." + out[2] + "." + out[1] + "." + out[0];
  }
  /** The serialized form (without brackets) of an IPv6 address, or null. */
  function parseIPv6(input) {
    const address = [0, 0, 0, 0, 0, 0, 0, 0];
    let pieceIndex = 0, compress = null, p = 0;
    const c = (i) => input[i];
    if (c(p) === ":") {
      if (c(p + 1) !== ":") return null;
      p += 2;
      pieceIndex++;
      compress = pieceIndex;
    }
    while (p < input.length) {
      if (pieceIndex === 8) return null;
      if (c(p) === ":") {
        if (compress !== null) return null;
        p++;
        pieceIndex++;
        compress = pieceIndex;
        continue;
      }
      let value = 0, length = 0;
      while (length < 4 && p < input.length && isHex(c(p))) {
        value = value * 16 + parseInt(c(p), 16);
        p++;
        length++;
      }
      if (c(p) === ".") {
        if (length === 0) return null;
        p -= length;
        if (pieceIndex > 6) return null;
        let numbersSeen = 0;
        while (p < input.length) {
          let ipv4Piece = null;
          if (numbersSeen > 0) {
            if (c(p) === "." && numbersSeen < 4) p++;
            else return null;
          }
          if (p >= input.length || !isDigit(c(p))) return null;
          while (p < input.length && isDigit(c(p))) {
            const number = +c(p);
            if (ipv4Piece === null) ipv4Piece = number;
            else if (ipv4Piece === 0) return null;
            else ipv4Piece = ipv4Piece * 10 + number;
            if (ipv4Piece > 255) return null;
            p++;
          }
          address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
          numbersSeen++;
          if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
        }
        if (numbersSeen !== 4) return null;
        break;
      } else if (c(p) === ":") {
        p++;
        if (p >= input.length) return null;
      } else if (p < input.length) {
        return null;
      }
      address[pieceIndex] = value;
      pieceIndex++;
    }
    if (compress !== null) {
      let swaps = pieceIndex - compress;
      pieceIndex = 7;
      while (pieceIndex !== 0 && swaps > 0) {
        const t = address[pieceIndex];
        address[pieceIndex] = address[compress + swaps - 1];
        address[compress + swaps - 1] = t;
        pieceIndex--;
        swaps--;
      }
    } else if (pieceIndex !== 8) {
      return null;
    }
    // serialize: the first longest run of two or more zero pieces becomes "::"
    let bestStart = -1, bestLength = 1;
    for (let i = 0; i < 8;) {
      if (address[i] !== 0) { i++; continue; }
      let j = i;
      while (j < 8 && address[j] === 0) j++;
      if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
      i = j;
    }
    let out = "";
    for (let i = 0; i < 8; i++) {
      if (i === bestStart) {
        out += i === 0 ? "::" : ":";
        i += bestLength - 1;
        continue;
      }
      out += address[i].toString(16);
      if (i !== 7) out += ":";
    }
    return out;
  }

  // punycode (RFC 3492) of one label
  function punycode(label) {
    const input = ArrayFrom(label, (ch) => codePointAt(ch, 0));
    const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
    let n = 128, delta = 0, bias = 72, out = "";
    for (let i = 0; i < input.length; i++) if (input[i] < 0x80) out += fromCharCode(input[i]);
    const basic = out.length;
    let handled = basic;
    if (basic > 0) out += "-";
    const digit = (d) => fromCharCode(d < 26 ? 97 + d : 22 + d);
    const adapt = (d, count, first) => {
      d = first ? Math.floor(d / damp) : d >> 1;
      d += Math.floor(d / count);
      let k = 0;
      while (d > ((base - tMin) * tMax) >> 1) { d = Math.floor(d / (base - tMin)); k += base; }
      return k + Math.floor(((base - tMin + 1) * d) / (d + skew));
    };
    while (handled < input.length) {
      let m = 0x10ffff + 1;
      for (let i = 0; i < input.length; i++) if (input[i] >= n && input[i] < m) m = input[i];
      delta += (m - n) * (handled + 1);
      n = m;
      for (let i = 0; i < input.length; i++) {
        if (input[i] < n) delta++;
        if (input[i] === n) {
          let q = delta;
          for (let k = base; ; k += base) {
            const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
            if (q < t) break;
            out += digit(t + ((q - t) % (base - t)));
            q = Math.floor((q - t) / (base - t));
          }
          out += digit(q);
          bias = adapt(delta, handled + 1, handled === basic);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return out;
  }
  // code points UTS 46 maps to nothing (the common ones)
  const IGNORED = /[\u00ad\u034f\u180b-\u180d\u180f\u200b\u2060\u2064\ufe00-\ufe0f\ufeff]/g;
  function domainToASCII(domain) {
    let ascii = true;
    for (let i = 0; i < domain.length; i++) if (charCodeAt(domain, i) > 0x7f) { ascii = false; break; }
    if (ascii) return strToLower(domain);
    const mapped = strToLower(strNormalize(strReplace(domain, IGNORED, ""), "NFKC"));
    const labels = strSplit(mapped, /[.\u3002\uff0e\uff61]/);
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      let plain = true;
      for (let j = 0; j < label.length; j++) if (charCodeAt(label, j) > 0x7f) { plain = false; break; }
      if (!plain) labels[i] = "xn--" + punycode(label);
    }
    return arrayJoin(labels, ".");
  }
  /** A host, serialized; null when it is not valid. */
  function parseHost(input, notSpecial) {
    if (input[0] === "[") {
      if (input[input.length - 1] !== "]") return null;
      const v6 = parseIPv6(strSlice(input, 1, -1));
      return v6 === null ? null : "[" + v6 + "]";
    }
    if (notSpecial) {
      // an opaque host
      for (let i = 0; i < input.length; i++) {
        const c = charCodeAt(input, i);
        if (c < 128 && FORBIDDEN_HOST[c] === 1) return null;
      }
      return encodeString(input, C0_SET);
    }
    const domain = percentDecode(input);
    const ascii = domainToASCII(domain);
    if (ascii === "") return null;
    for (let i = 0; i < ascii.length; i++) {
      const c = charCodeAt(ascii, i);
      if (c >= 128 || FORBIDDEN_DOMAIN[c] === 1) return null;
    }
    if (endsInNumber(ascii)) return parseIPv4(ascii);
    return ascii;
  }

  // -- the parser -----------------------------------------------------------------------
  const SPECIAL = { __proto__: null, "ftp": 21, "file": null, "http": 80, "https": 443, "ws": 80, "wss": 443 };
  const isSpecialScheme = (scheme) => scheme in SPECIAL;
  const defaultPort = (scheme) => (scheme in SPECIAL ? SPECIAL[scheme] : null);

  const S = {
    SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4, PATH_OR_AUTHORITY: 5,
    RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8, SPECIAL_AUTHORITY_IGNORE_SLASHES: 9,
    AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13, FILE: 14, FILE_SLASH: 15, FILE_HOST: 16,
    PATH_START: 17, PATH: 18, OPAQUE_PATH: 19, QUERY: 20, FRAGMENT: 21,
  };

  function newRecord() {
    return { scheme: "", username: "", password: "", host: null, port: null, path: [], query: null, fragment: null };
  }
  const hasOpaquePath = (url) => typeof url.path === "string";
  const isDriveLetter = (s) => s.length === 2 && isAlpha(s[0]) && (s[1] === ":" || s[1] === "|");
  const isNormalizedDriveLetter = (s) => s.length === 2 && isAlpha(s[0]) && s[1] === ":";
  /** Whether the code points from `p` start with a Windows drive letter. */
  function startsWithDriveLetter(cps, p) {
    if (cps.length - p < 2) return false;
    if (!isDriveLetter(cps[p] + cps[p + 1])) return false;
    if (cps.length - p === 2) return true;
    const c = cps[p + 2];
    return c === "/" || c === "\\" || c === "?" || c === "#";
  }
  function shortenPath(url) {
    const path = url.path;
    if (url.scheme === "file" && path.length === 1 && isNormalizedDriveLetter(path[0])) return;
    arrayPop(path);
  }
  const SINGLE_DOT = { __proto__: null, ".": true, "%2e": true, "%2E": true };
  const DOUBLE_DOT = {
    __proto__: null, "..": true, ".%2e": true, ".%2E": true, "%2e.": true, "%2E.": true,
    "%2e%2e": true, "%2E%2E": true, "%2e%2E": true, "%2E%2e": true,
  };
  const FAILURE = null;

  /**
   * The basic URL parser. Without `url`, returns a new record or FAILURE; with
   * `url` and `override` (a setter's), changes `url` in place and returns it
   * (FAILURE when the value is rejected: nothing is changed then... mostly, as
   * in the standard).
   */
  function basicParse(input, base, url, override) {
    if (url === undefined) {
      url = newRecord();
      input = strReplace(input, /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
    }
    input = strReplace(input, /[\t\n\r]/g, "");
    const cps = ArrayFrom(strToWellFormed(input));
    let state = override || S.SCHEME_START;
    let buffer = "";
    let atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
    let p = 0;
    for (; ; p++) {
      const c = cps[p]; // undefined: the end of the input
      const eof = p >= cps.length;
      switch (state) {
        case S.SCHEME_START:
          if (!eof && isAlpha(c)) {
            buffer += strToLower(c);
            state = S.SCHEME;
          } else if (!override) {
            state = S.NO_SCHEME;
            p--;
          } else {
            return FAILURE;
          }
          break;
        case S.SCHEME:
          if (!eof && (isAlpha(c) || isDigit(c) || c === "+" || c === "-" || c === ".")) {
            buffer += strToLower(c);
          } else if (c === ":") {
            if (override) {
              if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
              if ((url.username !== "" || url.password !== "" || url.port !== null) && buffer === "file") return url;
              if (url.scheme === "file" && url.host === "") return url;
            }
            url.scheme = buffer;
            if (override) {
              if (url.port === defaultPort(url.scheme)) url.port = null;
              return url;
            }
            buffer = "";
            if (url.scheme === "file") {
              state = S.FILE;
            } else if (isSpecialScheme(url.scheme) && base && base.scheme === url.scheme) {
              state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
            } else if (isSpecialScheme(url.scheme)) {
              state = S.SPECIAL_AUTHORITY_SLASHES;
            } else if (cps[p + 1] === "/") {
              state = S.PATH_OR_AUTHORITY;
              p++;
            } else {
              url.path = "";
              state = S.OPAQUE_PATH;
            }
          } else if (!override) {
            buffer = "";
            state = S.NO_SCHEME;
            p = -1;
          } else {
            return FAILURE;
          }
          break;
        case S.NO_SCHEME:
          if (!base || (hasOpaquePath(base) && c !== "#")) return FAILURE;
          if (hasOpaquePath(base) && c === "#") {
            url.scheme = base.scheme;
            url.path = base.path;
            url.query = base.query;
            url.fragment = "";
            state = S.FRAGMENT;
          } else if (base.scheme !== "file") {
            state = S.RELATIVE;
            p--;
          } else {
            state = S.FILE;
            p--;
          }
          break;
        case S.SPECIAL_RELATIVE_OR_AUTHORITY:
          if (c === "/" && cps[p + 1] === "/") {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
            p++;
          } else {
            state = S.RELATIVE;
            p--;
          }
          break;
        case S.PATH_OR_AUTHORITY:
          if (c === "/") state = S.AUTHORITY;
          else {
            state = S.PATH;
            p--;
          }
          break;
        case S.RELATIVE:
          url.scheme = base.scheme;
          if (c === "/") state = S.RELATIVE_SLASH;
          else if (isSpecialScheme(url.scheme) && c === "\\") state = S.RELATIVE_SLASH;
          else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            url.path = arraySlice(base.path);
            url.query = base.query;
            if (c === "?") {
              url.query = "";
              state = S.QUERY;
            } else if (c === "#") {
              url.fragment = "";
              state = S.FRAGMENT;
            } else if (!eof) {
              url.query = null;
              shortenPath(url);
              state = S.PATH;
              p--;
            }
          }
          break;
        case S.RELATIVE_SLASH:
          if (isSpecialScheme(url.scheme) && (c === "/" || c === "\\")) {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          } else if (c === "/") {
            state = S.AUTHORITY;
          } else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            state = S.PATH;
            p--;
          }
          break;
        case S.SPECIAL_AUTHORITY_SLASHES:
          if (c === "/" && cps[p + 1] === "/") {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
            p++;
          } else {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
            p--;
          }
          break;
        case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
          if (c !== "/" && c !== "\\") {
            state = S.AUTHORITY;
            p--;
          }
          break;
        case S.AUTHORITY:
          if (c === "@") {
            if (atSignSeen) buffer = "%40" + buffer;
            atSignSeen = true;
            for (const ch of buffer) {
              if (ch === ":" && !passwordTokenSeen) {
                passwordTokenSeen = true;
                continue;
              }
              const encoded = encodeChar(ch, USERINFO_SET);
              if (passwordTokenSeen) url.password += encoded;
              else url.username += encoded;
            }
            buffer = "";
          } else if (eof || c === "/" || c === "?" || c === "#" || (isSpecialScheme(url.scheme) && c === "\\")) {
            if (atSignSeen && buffer === "") return FAILURE;
            p -= ArrayFrom(buffer).length + 1;
            buffer = "";
            state = S.HOST;
          } else {
            buffer += c;
          }
          break;
        case S.HOST:
        case S.HOSTNAME:
          if (override && url.scheme === "file") {
            p--;
            state = S.FILE_HOST;
          } else if (c === ":" && !insideBrackets) {
            if (buffer === "") return FAILURE;
            if (override === S.HOSTNAME) return FAILURE;
            const host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === null) return FAILURE;
            url.host = host;
            buffer = "";
            state = S.PORT;
          } else if (eof || c === "/" || c === "?" || c === "#" || (isSpecialScheme(url.scheme) && c === "\\")) {
            p--;
            if (isSpecialScheme(url.scheme) && buffer === "") return FAILURE;
            if (override && buffer === "" && (url.username !== "" || url.password !== "" || url.port !== null)) {
              return FAILURE;
            }
            const host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === null) return FAILURE;
            url.host = host;
            buffer = "";
            state = S.PATH_START;
            if (override) return url;
          } else {
            if (c === "[") insideBrackets = true;
            if (c === "]") insideBrackets = false;
            buffer += c;
          }
          break;
        case S.PORT:
          if (!eof && isDigit(c)) {
            buffer += c;
          } else if (eof || c === "/" || c === "?" || c === "#" || (isSpecialScheme(url.scheme) && c === "\\") || override) {
            if (buffer !== "") {
              const port = parseInt(buffer, 10);
              if (port > 65535) return FAILURE;
              url.port = port === defaultPort(url.scheme) ? null : port;
              buffer = "";
            }
            if (override) return url;
            state = S.PATH_START;
            p--;
          } else {
            return FAILURE;
          }
          break;
        case S.FILE:
          url.scheme = "file";
          url.host = "";
          if (c === "/" || c === "\\") {
            state = S.FILE_SLASH;
          } else if (base && base.scheme === "file") {
            url.host = base.host;
            url.path = arraySlice(base.path);
            url.query = base.query;
            if (c === "?") {
              url.query = "";
              state = S.QUERY;
            } else if (c === "#") {
              url.fragment = "";
              state = S.FRAGMENT;
            } else if (!eof) {
              url.query = null;
              if (!startsWithDriveLetter(cps, p)) shortenPath(url);
              else url.path = [];
              state = S.PATH;
              p--;
            }
          } else {
            state = S.PATH;
            p--;
          }
          break;
        case S.FILE_SLASH:
          if (c === "/" || c === "\\") {
            state = S.FILE_HOST;
          } else {
            if (base && base.scheme === "file") {
              url.host = base.host;
              if (!startsWithDriveLetter(cps, p) && base.path.length > 0 && isNormalizedDriveLetter(base.path[0])) {
                arrayPush(url.path, base.path[0]);
              }
            }
            state = S.PATH;
            p--;
          }
          break;
        case S.FILE_HOST:
          if (eof || c === "/" || c === "\\" || c === "?" || c === "#") {
            p--;
            if (!override && isDriveLetter(buffer)) {
              state = S.PATH;
            } else if (buffer === "") {
              url.host = "";
              if (override) return url;
              state = S.PATH_START;
            } else {
              let host = parseHost(buffer, !isSpecialScheme(url.scheme));
              if (host === null) return FAILURE;
              if (host === "localhost") host = "";
              url.host = host;
              if (override) return url;
              buffer = "";
              state = S.PATH_START;
            }
          } else {
            buffer += c;
          }
          break;
        case S.PATH_START:
          if (isSpecialScheme(url.scheme)) {
            state = S.PATH;
            if (c !== "/" && c !== "\\") p--;
          } else if (!override && c === "?") {
            url.query = "";
            state = S.QUERY;
          } else if (!override && c === "#") {
            url.fragment = "";
            state = S.FRAGMENT;
          } else if (!eof) {
            state = S.PATH;
            if (c !== "/") p--;
          } else if (override && url.host === null) {
            arrayPush(url.path, "");
          }
          break;
        case S.PATH:
          if (eof || c === "/" || (isSpecialScheme(url.scheme) && c === "\\") || (!override && (c === "?" || c === "#"))) {
            const slash = c === "/" || (isSpecialScheme(url.scheme) && c === "\\");
            if (DOUBLE_DOT[buffer] === true) {
              shortenPath(url);
              if (!slash) arrayPush(url.path, "");
            } else if (SINGLE_DOT[buffer] === true) {
              if (!slash) arrayPush(url.path, "");
            } else {
              if (url.scheme === "file" && url.path.length === 0 && isDriveLetter(buffer)) {
                buffer = buffer[0] + ":";
              }
              arrayPush(url.path, buffer);
            }
            buffer = "";
            if (c === "?") {
              url.query = "";
              state = S.QUERY;
            } else if (c === "#") {
              url.fragment = "";
              state = S.FRAGMENT;
            }
          } else {
            buffer += encodeChar(c, PATH_SET);
          }
          break;
        case S.OPAQUE_PATH:
          if (c === "?") {
            url.query = "";
            state = S.QUERY;
          } else if (c === "#") {
            url.fragment = "";
            state = S.FRAGMENT;
          } else if (!eof) {
            url.path += encodeChar(c, C0_SET);
          }
          break;
        case S.QUERY:
          if ((!override && c === "#") || eof) {
            url.query += encodeString(buffer, isSpecialScheme(url.scheme) ? SPECIAL_QUERY_SET : QUERY_SET);
            buffer = "";
            if (c === "#") {
              url.fragment = "";
              state = S.FRAGMENT;
            }
          } else {
            buffer += c;
          }
          break;
        case S.FRAGMENT:
          if (!eof) url.fragment += encodeChar(c, FRAGMENT_SET);
          break;
      }
      if (p >= cps.length) break;
    }
    return url;
  }

  function serializePath(url) {
    if (hasOpaquePath(url)) return url.path;
    let out = "";
    for (let i = 0; i < url.path.length; i++) out += "/" + url.path[i];
    return out;
  }
  function serialize(url, excludeFragment) {
    let out = url.scheme + ":";
    if (url.host !== null) {
      out += "//";
      if (url.username !== "" || url.password !== "") {
        out += url.username;
        if (url.password !== "") out += ":" + url.password;
        out += "@";
      }
      out += url.host;
      if (url.port !== null) out += ":" + url.port;
    }
    if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === "") out += "/.";
    out += serializePath(url);
    if (url.query !== null) out += "?" + url.query;
    if (!excludeFragment && url.fragment !== null) out += "#" + url.fragment;
    return out;
  }
  function origin(url) {
    if (url.scheme === "blob") {
      const inner = hasOpaquePath(url) ? basicParse(url.path, null) : null;
      if (inner !== null && (inner.scheme === "http" || inner.scheme === "https")) return origin(inner);
      return "null";
    }
    if (isSpecialScheme(url.scheme) && url.scheme !== "file") {
      return url.scheme + "://" + url.host + (url.port !== null ? ":" + url.port : "");
    }
    return "null";
  }
  const cannotHaveCredentials = (url) => url.host === null || url.host === "" || url.scheme === "file";

  // -- URLSearchParams ---------------------------------------------------------------------
  function parseForm(input) {
    const list = [];
    const pieces = strSplit(input, "&");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (piece === "") continue;
      const eq = strIndexOf(piece, "=");
      const name = eq < 0 ? piece : strSlice(piece, 0, eq);
      const value = eq < 0 ? "" : strSlice(piece, eq + 1);
      arrayPush(list, [percentDecode(strReplace(name, /\+/g, " ")), percentDecode(strReplace(value, /\+/g, " "))]);
    }
    return list;
  }
  function serializeForm(list) {
    let out = "";
    for (let i = 0; i < list.length; i++) {
      if (i > 0) out += "&";
      out += encodeForm(list[i][0]) + "=" + encodeForm(list[i][1]);
    }
    return out;
  }

  function invalidThis(type) {
    return nodeError(TypeErrorCtor, "ERR_INVALID_THIS", `Value of "this" must be of type ${type}`);
  }
  function missingArgs(...names) {
    const list = names.length === 1 ? `"${names[0]}" argument` : `"${names[0]}" and "${names[1]}" arguments`;
    return nodeError(TypeErrorCtor, "ERR_MISSING_ARGS", `The ${list} must be specified`);
  }
  const usv = (v) => strToWellFormed(`${v}`);

  const INTERNAL = {};
  class URLSearchParams {
    #list;
    #url = null; // the URL record whose query this is, and that URL's object
    constructor(init = undefined) {
      if (init === INTERNAL) {
        this.#list = [];
        return;
      }
      this.#list = [];
      if (init === undefined || init === null) return; // null: an empty record, as WebIDL has it
      if (typeof init === "object" || typeof init === "function") {
        const iterator = init[SymbolIterator];
        if (iterator !== undefined && iterator !== null) {
          if (typeof iterator !== "function") {
            throw nodeError(TypeErrorCtor, "ERR_ARG_NOT_ITERABLE", "Query pairs must be iterable");
          }
          for (const pair of init) {
            if (pair === null || (typeof pair !== "object" && typeof pair !== "function") ||
                typeof pair[SymbolIterator] !== "function") {
              throw nodeError(TypeErrorCtor, "ERR_INVALID_TUPLE", "Each query pair must be an iterable [name, value] tuple");
            }
            const items = ArrayFrom(pair);
            if (items.length !== 2) {
              throw nodeError(TypeErrorCtor, "ERR_INVALID_TUPLE", "Each query pair must be an iterable [name, value] tuple");
            }
            arrayPush(this.#list, [usv(items[0]), usv(items[1])]);
          }
          return;
        }
        const keys = objectKeys(init);
        for (let i = 0; i < keys.length; i++) arrayPush(this.#list, [usv(keys[i]), usv(init[keys[i]])]);
        return;
      }
      let s = usv(init);
      if (s[0] === "?") s = strSlice(s, 1);
      this.#list = parseForm(s);
    }
    static link(params, record) {
      params.#url = record;
      params.#list = record.query === null ? [] : parseForm(record.query);
    }
    static relink(params, record) {
      params.#list = record.query === null ? [] : parseForm(record.query);
    }
    #update() {
      const url = this.#url;
      if (url === null) return;
      const query = serializeForm(this.#list);
      url.query = query === "" ? null : query;
    }
    #check() {
      if (!(#list in this)) throw invalidThis("URLSearchParams");
    }
    get size() {
      if (!(#list in this)) throw invalidThis("URLSearchParams");
      return this.#list.length;
    }
    append(name, value) {
      this.#check();
      if (arguments.length < 2) throw missingArgs("name", "value");
      arrayPush(this.#list, [usv(name), usv(value)]);
      this.#update();
    }
    delete(name, value = undefined) {
      this.#check();
      if (arguments.length < 1) throw missingArgs("name");
      name = usv(name);
      if (value !== undefined) value = usv(value);
      const list = this.#list;
      for (let i = 0; i < list.length;) {
        if (list[i][0] === name && (value === undefined || list[i][1] === value)) arraySplice(list, i, 1);
        else i++;
      }
      this.#update();
    }
    get(name) {
      this.#check();
      if (arguments.length < 1) throw missingArgs("name");
      name = usv(name);
      const list = this.#list;
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
      return null;
    }
    getAll(name) {
      this.#check();
      if (arguments.length < 1) throw missingArgs("name");
      name = usv(name);
      const out = [];
      const list = this.#list;
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) arrayPush(out, list[i][1]);
      return out;
    }
    has(name, value = undefined) {
      this.#check();
      if (arguments.length < 1) throw missingArgs("name");
      name = usv(name);
      if (value !== undefined) value = usv(value);
      const list = this.#list;
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] === name && (value === undefined || list[i][1] === value)) return true;
      }
      return false;
    }
    set(name, value) {
      this.#check();
      if (arguments.length < 2) throw missingArgs("name", "value");
      name = usv(name);
      value = usv(value);
      const list = this.#list;
      let found = false;
      for (let i = 0; i < list.length;) {
        if (list[i][0] !== name) { i++; continue; }
        if (!found) {
          list[i][1] = value;
          found = true;
          i++;
        } else {
          arraySplice(list, i, 1);
        }
      }
      if (!found) arrayPush(list, [name, value]);
      this.#update();
    }
    sort() {
      this.#check();
      // stable, by the names' UTF-16 code units
      const list = this.#list;
      for (let i = 1; i < list.length; i++) {
        const item = list[i];
        let j = i - 1;
        while (j >= 0 && list[j][0] > item[0]) {
          list[j + 1] = list[j];
          j--;
        }
        list[j + 1] = item;
      }
      this.#update();
    }
    forEach(callback, thisArg = undefined) {
      this.#check();
      if (typeof callback !== "function") {
        throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
          "The \"callback\" argument must be of type function. Received " + received(callback));
      }
      const list = this.#list;
      for (let i = 0; i < list.length; i++) callback.call(thisArg, list[i][1], list[i][0], this);
    }
    keys() {
      this.#check();
      return new ParamsIterator(this.#list, 0);
    }
    values() {
      this.#check();
      return new ParamsIterator(this.#list, 1);
    }
    entries() {
      this.#check();
      return new ParamsIterator(this.#list, 2);
    }
    toString() {
      this.#check();
      return serializeForm(this.#list);
    }
  }
  const linkParams = URLSearchParams.link;
  const relinkParams = URLSearchParams.relink;
  delete URLSearchParams.link;
  delete URLSearchParams.relink;
  defineProperty(URLSearchParams.prototype, SymbolIterator, {
    value: URLSearchParams.prototype.entries, writable: true, configurable: true,
  });
  defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: "URLSearchParams", configurable: true });

  // the iterators read the live list, as node's do
  const IteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][SymbolIterator]()));
  class ParamsIterator {
    #list;
    #kind;
    #index = 0;
    constructor(list, kind) {
      this.#list = list;
      this.#kind = kind;
    }
    next() {
      if (!(#list in this)) throw invalidThis("URLSearchParamsIterator");
      const list = this.#list;
      if (this.#index >= list.length) return { value: undefined, done: true };
      const pair = list[this.#index++];
      const kind = this.#kind;
      return { value: kind === 2 ? [pair[0], pair[1]] : pair[kind], done: false };
    }
  }
  Object.setPrototypeOf(ParamsIterator.prototype, IteratorProto);
  defineProperty(ParamsIterator.prototype, Symbol.toStringTag, { value: "URLSearchParams Iterator", configurable: true });

  // -- URL -------------------------------------------------------------------------------------
  function invalidURL(input, base) {
    const e = nodeError(TypeErrorCtor, "ERR_INVALID_URL", "Invalid URL");
    e.input = input;
    if (base !== undefined) e.base = base;
    return e;
  }
  /** The record of `url` against `base` (both strings or base undefined), or FAILURE. */
  function parseWithBase(url, base) {
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(base, null);
      if (baseRecord === FAILURE) return FAILURE;
    }
    return basicParse(url, baseRecord);
  }

  class URL {
    #url;
    #params = null;
    constructor(url, base = undefined) {
      if (arguments.length === 0) throw missingArgs("url");
      url = usv(url);
      if (base !== undefined) base = usv(base);
      const record = parseWithBase(url, base);
      if (record === FAILURE) throw invalidURL(url, base);
      this.#url = record;
    }
    static canParse(url, base = undefined) {
      if (arguments.length === 0) throw missingArgs("url");
      return parseWithBase(usv(url), base === undefined ? undefined : usv(base)) !== FAILURE;
    }
    static parse(url, base = undefined) {
      if (arguments.length === 0) throw missingArgs("url");
      try {
        return new URL(url, base);
      } catch (_) {
        return null;
      }
    }
    #record() {
      if (!(#url in this)) throw invalidThis("URL");
      return this.#url;
    }
    get href() { return serialize(this.#record(), false); }
    set href(value) {
      const record = this.#record();
      value = usv(value);
      const parsed = basicParse(value, null);
      if (parsed === FAILURE) throw invalidURL(value);
      for (const key of objectKeys(parsed)) record[key] = parsed[key];
      if (this.#params !== null) relinkParams(this.#params, record);
    }
    get origin() { return origin(this.#record()); }
    get protocol() { return this.#record().scheme + ":"; }
    set protocol(value) {
      const record = this.#record();
      basicParse(usv(value) + ":", null, record, S.SCHEME_START);
    }
    get username() { return this.#record().username; }
    set username(value) {
      const record = this.#record();
      if (cannotHaveCredentials(record)) return;
      record.username = encodeString(usv(value), USERINFO_SET);
    }
    get password() { return this.#record().password; }
    set password(value) {
      const record = this.#record();
      if (cannotHaveCredentials(record)) return;
      record.password = encodeString(usv(value), USERINFO_SET);
    }
    get host() {
      const record = this.#record();
      if (record.host === null) return "";
      return record.port === null ? record.host : record.host + ":" + record.port;
    }
    set host(value) {
      const record = this.#record();
      if (hasOpaquePath(record)) return;
      setWith(record, usv(value), S.HOST);
    }
    get hostname() {
      const record = this.#record();
      return record.host === null ? "" : record.host;
    }
    set hostname(value) {
      const record = this.#record();
      if (hasOpaquePath(record)) return;
      setWith(record, usv(value), S.HOSTNAME);
    }
    get port() {
      const record = this.#record();
      return record.port === null ? "" : StringCtor(record.port);
    }
    set port(value) {
      const record = this.#record();
      if (cannotHaveCredentials(record)) return;
      value = usv(value);
      if (value === "") record.port = null;
      else setWith(record, value, S.PORT);
    }
    get pathname() { return serializePath(this.#record()); }
    set pathname(value) {
      const record = this.#record();
      if (hasOpaquePath(record)) return;
      const copy = cloneRecord(record);
      copy.path = [];
      if (basicParse(usv(value), null, copy, S.PATH_START) !== FAILURE) record.path = copy.path;
    }
    get search() {
      const record = this.#record();
      return record.query === null || record.query === "" ? "" : "?" + record.query;
    }
    set search(value) {
      const record = this.#record();
      value = usv(value);
      if (value === "") {
        record.query = null;
      } else {
        if (value[0] === "?") value = strSlice(value, 1);
        const copy = cloneRecord(record);
        copy.query = "";
        if (basicParse(value, null, copy, S.QUERY) !== FAILURE) record.query = copy.query;
      }
      if (this.#params !== null) relinkParams(this.#params, record);
    }
    get searchParams() {
      const record = this.#record();
      if (this.#params === null) {
        const params = new URLSearchParams(INTERNAL);
        linkParams(params, record);
        this.#params = params;
      }
      return this.#params;
    }
    get hash() {
      const record = this.#record();
      return record.fragment === null || record.fragment === "" ? "" : "#" + record.fragment;
    }
    set hash(value) {
      const record = this.#record();
      value = usv(value);
      if (value === "") {
        record.fragment = null;
        return;
      }
      if (value[0] === "#") value = strSlice(value, 1);
      const copy = cloneRecord(record);
      copy.fragment = "";
      if (basicParse(value, null, copy, S.FRAGMENT) !== FAILURE) record.fragment = copy.fragment;
    }
    toString() { return serialize(this.#record(), false); }
    toJSON() { return serialize(this.#record(), false); }
  }
  function cloneRecord(record) {
    const copy = newRecord();
    for (const key of objectKeys(record)) copy[key] = record[key];
    if (!hasOpaquePath(record)) copy.path = arraySlice(record.path);
    return copy;
  }
  /** A setter's parse: on a copy, which replaces the record only when it succeeds. */
  function setWith(record, value, override) {
    const copy = cloneRecord(record);
    if (basicParse(value, null, copy, override) !== FAILURE) {
      for (const key of objectKeys(copy)) record[key] = copy[key];
    }
  }
  for (const name of ["href", "origin", "protocol", "username", "password", "host", "hostname", "port",
    "pathname", "search", "searchParams", "hash", "toString", "toJSON"]) {
    const d = Object.getOwnPropertyDescriptor(URL.prototype, name);
    d.enumerable = true;
    defineProperty(URL.prototype, name, d);
  }
  defineProperty(URL.prototype, Symbol.toStringTag, { value: "URL", configurable: true });

  return { URL, URLSearchParams };
})
