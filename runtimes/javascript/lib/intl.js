// `Intl` for en-US, and the locale-sensitive builtins (toLocaleString,
// localeCompare, ...) that bootstrap.js routes here. QuickJS has no locale data
// and would ignore a locale or option it is given: a silent failure. Here
// en-US (and `en`) formats as node 20 does; every other locale, time zone,
// calendar, numbering system, and every option not implemented, throws a
// RangeError that says so. Collation approximates ICU's root collation with
// tables derived from it: exact for ASCII, close for Latin, Greek and
// Cyrillic, code point order beyond.
(function (env) {
  "use strict";
  const nodeError = env.nodeError;
  const uncurry = (f) => Function.prototype.call.bind(f);
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const StringCtor = String;
  const NumberCtor = Number;
  const ObjectCtor = Object;
  const MapCtor = Map;
  const isNaNFn = Number.isNaN;
  const isFiniteFn = Number.isFinite;
  const mathFloor = Math.floor;
  const mathAbs = Math.abs;
  const mathMin = Math.min;
  const mathMax = Math.max;
  const defineProperty = Object.defineProperty;
  const isArray = Array.isArray;
  const strSlice = uncurry(String.prototype.slice);
  const strIndexOf = uncurry(String.prototype.indexOf);
  const strToLower = uncurry(String.prototype.toLowerCase);
  const strToUpper = uncurry(String.prototype.toUpperCase);
  const strNormalize = uncurry(String.prototype.normalize);
  const strSplit = uncurry(String.prototype.split);
  const strReplace = uncurry(String.prototype.replace);
  const strRepeat = uncurry(String.prototype.repeat);
  const strPadStart = uncurry(String.prototype.padStart);
  const charCodeAt = uncurry(String.prototype.charCodeAt);
  const codePointAt = uncurry(String.prototype.codePointAt);
  const arrayPush = uncurry(Array.prototype.push);
  const arrayJoin = uncurry(Array.prototype.join);
  const regexpTest = uncurry(RegExp.prototype.test);
  const regexpExec = uncurry(RegExp.prototype.exec);
  const mapGet = uncurry(Map.prototype.get);
  const mapSet = uncurry(Map.prototype.set);
  const mapSize = uncurry(Object.getOwnPropertyDescriptor(Map.prototype, "size").get);
  const mapClear = uncurry(Map.prototype.clear);
  const numberToString = uncurry(Number.prototype.toString);
  const numberValueOf = uncurry(Number.prototype.valueOf);
  const bigintValueOf = uncurry(BigInt.prototype.valueOf);
  const bigintToString = uncurry(BigInt.prototype.toString);
  const dateValueOf = uncurry(Date.prototype.valueOf);
  const dateNow = Date.now;
  const stringValueOf = uncurry(String.prototype.valueOf);
  const jsonStringify = JSON.stringify;

  // -- locales ------------------------------------------------------------------------------
  const LOCALE_PATTERN = /^(?:[a-z]{2,3}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?$/i;

  function unsupported(what) {
    return new RangeErrorCtor("candor has no locale data: " + what + " (only en-US)");
  }
  function unsupportedOption(ctor, name, value) {
    return new RangeErrorCtor(`${ctor} in candor does not support ${name}: ${jsonStringify(value)}`);
  }
  /** A locale tag as ECMA-402 canonicalizes its case: language lower, Script title, REGION upper. */
  function canonicalTag(tag) {
    const parts = strSplit(strToLower(tag), "-");
    let inExtension = false;
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i];
      if (p.length === 1) inExtension = true;
      if (inExtension) continue;
      if (p.length === 4 && regexpTest(/^[a-z]{4}$/, p)) parts[i] = strToUpper(p[0]) + strSlice(p, 1);
      else if (p.length === 2) parts[i] = strToUpper(p);
    }
    return arrayJoin(parts, "-");
  }
  /** The requested locales, canonicalized and checked (CanonicalizeLocaleList). */
  function localeList(locales) {
    if (locales === undefined) return [];
    let list;
    if (typeof locales === "string") {
      list = [locales];
    } else {
      if (locales === null) throw new TypeErrorCtor("Cannot convert undefined or null to object");
      const o = ObjectCtor(locales);
      const n = o.length >>> 0;
      list = [];
      for (let i = 0; i < n; i++) if (i in o) arrayPush(list, o[i]);
    }
    const out = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item !== "string" && (item === null || typeof item !== "object")) {
        throw new TypeErrorCtor("Incorrect locale information provided");
      }
      const tag = `${item}`;
      if (!regexpTest(LOCALE_PATTERN, tag)) throw new RangeErrorCtor("Incorrect locale information provided");
      const canonical = canonicalTag(tag);
      let seen = false;
      for (let j = 0; j < out.length; j++) if (out[j] === canonical) seen = true;
      if (!seen) arrayPush(out, canonical);
    }
    return out;
  }
  /** Whether candor formats `tag` as node does: en-US, or en. */
  function isSupported(tag) {
    return tag === "en-US" || tag === "en";
  }
  /**
   * The locale a formatter uses: "en-US" when none is asked for, else the first
   * requested one, which must be en-US or en (node would use the first one it
   * has data for, and it has data for nearly all).
   */
  function resolveLocale(locales) {
    const list = localeList(locales);
    if (list.length === 0) return "en-US";
    if (!isSupported(list[0])) throw unsupported(`locale ${jsonStringify(list[0])} is not supported`);
    return list[0];
  }
  function supportedLocalesOf(locales, options) {
    const list = localeList(locales);
    if (options !== undefined) {
      const matcher = ObjectCtor(options).localeMatcher;
      if (matcher !== undefined && matcher !== "lookup" && matcher !== "best fit") {
        throw new RangeErrorCtor(`Value ${matcher} out of range for Intl.supportedLocalesOf options property localeMatcher`);
      }
    }
    const out = [];
    for (let i = 0; i < list.length; i++) if (isSupported(list[i])) arrayPush(out, list[i]);
    return out;
  }

  // -- options ---------------------------------------------------------------------------------
  function toOptions(options) {
    if (options === undefined) return { __proto__: null };
    if (options === null) throw new TypeErrorCtor("Cannot convert undefined or null to object");
    return ObjectCtor(options);
  }
  /** GetOption for a string option with allowed values. */
  function getString(options, name, allowed, fallback, ctor) {
    let value = options[name];
    if (value === undefined) return fallback;
    value = `${value}`;
    if (allowed !== null) {
      let ok = false;
      for (let i = 0; i < allowed.length; i++) if (allowed[i] === value) ok = true;
      if (!ok) throw new RangeErrorCtor(`Value ${value} out of range for ${ctor} options property ${name}`);
    }
    return value;
  }
  function getBoolean(options, name) {
    const value = options[name];
    return value === undefined ? undefined : !!value;
  }
  function defaultNumber(value, min, max, fallback, name) {
    if (value === undefined) return fallback;
    value = NumberCtor(value);
    if (isNaNFn(value) || value < min || value > max) throw new RangeErrorCtor(`${name} value is out of range.`);
    return mathFloor(value);
  }
  function checkLocaleMatcher(options, ctor) {
    getString(options, "localeMatcher", ["lookup", "best fit"], "best fit", ctor);
  }
  function checkNumberingSystem(options, ctor) {
    const ns = options.numberingSystem;
    if (ns === undefined) return;
    const value = `${ns}`;
    if (!regexpTest(/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i, value)) throw new RangeErrorCtor("Invalid numberingSystem : " + value);
    if (value !== "latn") throw unsupportedOption(ctor, "numberingSystem", value);
  }

  // -- decimal numbers ----------------------------------------------------------------------------
  // A finite value as { neg, digits, point }: value = 0.<digits> * 10^point, with
  // `digits` free of leading and trailing zeros ("" for zero). Rounding works on
  // these digits, from the shortest representation of a double, as ICU does.
  function decimalFromString(s, neg) {
    // s: digits with an optional "." and an optional exponent, as String(number) gives
    let exp = 0;
    const e = strIndexOf(s, "e");
    if (e >= 0) {
      exp = +strSlice(s, e + 1);
      s = strSlice(s, 0, e);
    }
    const dot = strIndexOf(s, ".");
    let intPart = dot >= 0 ? strSlice(s, 0, dot) : s;
    const fracPart = dot >= 0 ? strSlice(s, dot + 1) : "";
    let digits = intPart + fracPart;
    let point = intPart.length + exp;
    let lead = 0;
    while (lead < digits.length && digits[lead] === "0") lead++;
    digits = strSlice(digits, lead);
    point -= lead;
    let end = digits.length;
    while (end > 0 && digits[end - 1] === "0") end--;
    digits = strSlice(digits, 0, end);
    if (digits === "") point = 0;
    return { neg, digits, point };
  }
  /** The mathematical value of `x` for formatting: a number, a bigint, or a decimal string. */
  function toIntlValue(x) {
    if (typeof x === "bigint") {
      const s = bigintToString(x);
      return s[0] === "-" ? decimalFromString(strSlice(s, 1), true) : decimalFromString(s, false);
    }
    if (typeof x === "string") {
      const m = regexpExec(/^\s*([+-]?)((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/, x);
      if (m !== null) return decimalFromString(strReplace(strToLower(m[2]), /^\./, "0."), m[1] === "-");
    }
    const n = NumberCtor(x);
    if (isNaNFn(n)) return { nan: true, neg: false };
    if (!isFiniteFn(n)) return { infinite: true, neg: n < 0 };
    const neg = n < 0 || (n === 0 && 1 / n < 0);
    return decimalFromString(numberToString(mathAbs(n)), neg);
  }
  /** Rounds `d` to keep digits up to 10^position (position: the last kept place value). */
  function roundAt(d, position, mode) {
    // index in digits of the last kept digit: place value 10^(point - 1 - i)
    const keep = d.point - position; // number of digits kept
    if (keep >= d.digits.length) return d;
    let digits = keep > 0 ? strSlice(d.digits, 0, keep) : "";
    const rest = keep >= 0 ? strSlice(d.digits, keep) : strRepeat("0", -keep) + d.digits;
    // rest is non-empty and not all zeros (digits has no trailing zeros)
    const first = +rest[0];
    const half = first > 5 || (first === 5 && rest.length > 1) ? 1 : first === 5 ? 0 : -1; // vs one half
    const lastDigit = digits.length > 0 ? +digits[digits.length - 1] : 0;
    const odd = lastDigit % 2 === 1;
    let up;
    switch (mode) {
      case "ceil": up = !d.neg; break;
      case "floor": up = d.neg; break;
      case "expand": up = true; break;
      case "trunc": up = false; break;
      case "halfCeil": up = half > 0 || (half === 0 && !d.neg); break;
      case "halfFloor": up = half > 0 || (half === 0 && d.neg); break;
      case "halfTrunc": up = half > 0; break;
      case "halfEven": up = half > 0 || (half === 0 && odd); break;
      default: up = half >= 0; break; // halfExpand
    }
    let point = d.point;
    if (keep < 0) {
      // everything kept is zero: the result is 0 or one unit at `position`
      if (!up) return { neg: d.neg, digits: "", point: 0 };
      return { neg: d.neg, digits: "1", point: position + 1 };
    }
    if (up) {
      // add one at the last kept digit
      let i = digits.length - 1;
      let out = "";
      let carry = 1;
      for (; i >= 0; i--) {
        const v = +digits[i] + carry;
        carry = v === 10 ? 1 : 0;
        out = StringCtor(v % 10) + out;
      }
      if (carry) {
        out = "1" + out;
        point++;
      }
      digits = out;
    }
    let end = digits.length;
    while (end > 0 && digits[end - 1] === "0") end--;
    digits = strSlice(digits, 0, end);
    if (digits === "") point = 0;
    return { neg: d.neg, digits, point };
  }
  /** The position of the last significant digit kept when keeping `n` significant digits. */
  const sigPosition = (d, n) => (d.digits === "" ? 1 - n : d.point - n);
  /** Rounds per the digit options; returns [rounded, minimum fraction digits to show]. */
  function roundDigits(d, o) {
    if (o.roundingType === "fractionDigits") {
      return [roundAt(d, -o.maximumFractionDigits, o.roundingMode), o.minimumFractionDigits, null];
    }
    if (o.roundingType === "significantDigits") {
      const r = roundAt(d, sigPosition(d, o.maximumSignificantDigits), o.roundingMode);
      return [r, 0, o.minimumSignificantDigits];
    }
    // morePrecision / lessPrecision: the one that keeps more (fewer) digits
    const fd = roundAt(d, -o.maximumFractionDigits, o.roundingMode);
    const sd = roundAt(d, sigPosition(d, o.maximumSignificantDigits), o.roundingMode);
    const fdPos = -o.maximumFractionDigits;
    const sdPos = sigPosition(d, o.maximumSignificantDigits);
    const useSd = o.roundingType === "morePrecision" ? sdPos <= fdPos : sdPos > fdPos;
    return useSd ? [sd, 0, o.minimumSignificantDigits] : [fd, o.minimumFractionDigits, null];
  }
  /** [integer digits, fraction digits] of a rounded decimal, padded per the options. */
  function decimalStrings(r, minFraction, minSignificant, o) {
    let intDigits, fracDigits;
    if (r.point <= 0) {
      intDigits = "0";
      fracDigits = strRepeat("0", -r.point) + r.digits;
    } else if (r.point >= r.digits.length) {
      intDigits = r.digits + strRepeat("0", r.point - r.digits.length);
      fracDigits = "";
    } else {
      intDigits = strSlice(r.digits, 0, r.point);
      fracDigits = strSlice(r.digits, r.point);
    }
    if (r.digits === "") intDigits = "0";
    if (minSignificant !== null) {
      // pad with zeros to the minimum significant digits
      const significant = r.digits === "" ? 1 : (r.point > 0 ? intDigits.length : 0) + fracDigits.length -
        (r.point <= 0 ? -r.point : 0);
      const have = r.digits === "" ? (fracDigits.length + 1) : significant;
      if (have < minSignificant) fracDigits += strRepeat("0", minSignificant - have);
    }
    if (fracDigits.length < minFraction) fracDigits += strRepeat("0", minFraction - fracDigits.length);
    if (o.trailingZeroDisplay === "stripIfInteger" && regexpTest(/^0*$/, fracDigits)) fracDigits = "";
    if (intDigits.length < o.minimumIntegerDigits) {
      intDigits = strRepeat("0", o.minimumIntegerDigits - intDigits.length) + intDigits;
    }
    return [intDigits, fracDigits];
  }

  // -- NumberFormat ------------------------------------------------------------------------------
  const CURRENCY_DIGITS = { __proto__: null };
  for (const c of ["AFN", "ALL", "BIF", "CLP", "COP", "DJF", "GNF", "HUF", "IDR", "IQD", "IRR", "ISK", "JPY", "KMF",
    "KPW", "KRW", "LAK", "LBP", "MGA", "MMK", "PKR", "PYG", "RWF", "SLL", "SOS", "SYP", "UGX", "VND", "VUV", "XAF",
    "XOF", "XPF", "YER"]) CURRENCY_DIGITS[c] = 0;
  for (const c of ["BHD", "JOD", "KWD", "LYD", "OMR", "TND"]) CURRENCY_DIGITS[c] = 3;
  const CURRENCY_SYMBOL = {
    __proto__: null,
    AUD: "A$", BRL: "R$", CAD: "CA$", CNY: "CN¥", EUR: "€", GBP: "£", HKD: "HK$", ILS: "₪", INR: "₹", JPY: "¥",
    KRW: "₩", MXN: "MX$", NZD: "NZ$", PHP: "₱", TWD: "NT$", USD: "$", VND: "₫", XAF: "FCFA", XCD: "EC$",
    XCG: "Cg.", XOF: "F\u202fCFA", XPF: "CFPF",
  };
  const NARROW_SYMBOL = {
    __proto__: null,
    AFN: "؋", AMD: "֏", AOA: "Kz", ARS: "$", AUD: "$", AZN: "₼", BAM: "KM", BBD: "$", BDT: "৳", BMD: "$", BND: "$",
    BOB: "Bs", BSD: "$", BWP: "P", BZD: "$", CAD: "$", CLP: "$", CNY: "¥", COP: "$", CRC: "₡", CUC: "$", CUP: "$",
    CZK: "Kč", DKK: "kr", DOP: "$", EGP: "E£", FJD: "$", FKP: "£", GEL: "₾", GHS: "GH₵", GIP: "£", GNF: "FG",
    GTQ: "Q", GYD: "$", HKD: "$", HNL: "L", HRK: "kn", HUF: "Ft", IDR: "Rp", ISK: "kr", JMD: "$", KGS: "\u20c0",
    KHR: "៛", KMF: "CF", KPW: "₩", KYD: "$", KZT: "₸", LAK: "₭", LBP: "L£", LKR: "Rs", LRD: "$", MGA: "Ar",
    MMK: "K", MNT: "₮", MUR: "Rs", MXN: "$", MYR: "RM", NAD: "$", NGN: "₦", NIO: "C$", NOK: "kr", NPR: "Rs",
    NZD: "$", PKR: "Rs", PLN: "zł", PYG: "₲", RON: "lei", RUB: "₽", RWF: "RF", SBD: "$", SEK: "kr", SGD: "$",
    SHP: "£", SRD: "$", SSP: "£", STN: "Db", SYP: "£", THB: "฿", TOP: "T$", TRY: "₺", TTD: "$", TWD: "$",
    UAH: "₴", UYU: "$", XCD: "$", ZAR: "R", ZMW: "ZK",
  };
  const COMPACT_SHORT = ["", "K", "M", "B", "T"];
  const COMPACT_LONG = ["", " thousand", " million", " billion", " trillion"];
  const NF = "Intl.NumberFormat";

  /** Reads and checks NumberFormat options: the resolved options (a plain record). */
  function resolveNumberOptions(locales, options, ctor) {
    const locale = resolveLocale(locales);
    options = toOptions(options);
    const o = { __proto__: null, locale, numberingSystem: "latn" };
    checkLocaleMatcher(options, ctor);
    checkNumberingSystem(options, ctor);
    o.style = getString(options, "style", ["decimal", "percent", "currency", "unit"], "decimal", ctor);
    let currency = options.currency;
    if (currency !== undefined) {
      currency = `${currency}`;
      if (!regexpTest(/^[A-Za-z]{3}$/, currency)) throw new RangeErrorCtor("Invalid currency code : " + currency);
    }
    const currencyDisplay = getString(options, "currencyDisplay", ["code", "symbol", "narrowSymbol", "name"], "symbol", ctor);
    const currencySign = getString(options, "currencySign", ["standard", "accounting"], "standard", ctor);
    const unit = options.unit;
    if (o.style === "currency") {
      if (currency === undefined) throw new TypeErrorCtor("Currency code is required with currency style.");
      o.currency = strToUpper(currency);
      o.currencyDisplay = currencyDisplay;
      o.currencySign = currencySign;
      if (currencyDisplay === "name") throw unsupportedOption(ctor, "currencyDisplay", "name");
    }
    if (o.style === "unit") {
      if (unit === undefined) throw new TypeErrorCtor("Unit is required with unit style.");
      throw unsupportedOption(ctor, "style", "unit");
    }
    o.notation = getString(options, "notation", ["standard", "scientific", "engineering", "compact"], "standard", ctor);
    const cDigits = o.style === "currency" ? (o.currency in CURRENCY_DIGITS ? CURRENCY_DIGITS[o.currency] : 2) : 0;
    let mnfdDefault, mxfdDefault;
    if (o.style === "currency" && o.notation === "standard") {
      mnfdDefault = cDigits;
      mxfdDefault = cDigits;
    } else {
      mnfdDefault = 0;
      mxfdDefault = o.style === "percent" ? 0 : 3;
    }
    setDigitOptions(o, options, mnfdDefault, mxfdDefault, ctor);
    o.compactDisplay = getString(options, "compactDisplay", ["short", "long"], "short", ctor);
    const defaultGrouping = o.notation === "compact" ? "min2" : "auto";
    let grouping = options.useGrouping;
    if (grouping === undefined) grouping = defaultGrouping;
    else if (grouping === true) grouping = "always";
    else if (grouping === false || grouping === null || grouping === 0 || grouping === "") grouping = false;
    else {
      grouping = `${grouping}`;
      if (grouping === "true" || grouping === "false") grouping = defaultGrouping;
      else if (grouping !== "min2" && grouping !== "auto" && grouping !== "always") {
        throw new RangeErrorCtor(`Value ${grouping} out of range for ${ctor} options property useGrouping`);
      }
    }
    o.useGrouping = grouping;
    o.signDisplay = getString(options, "signDisplay", ["auto", "never", "always", "exceptZero", "negative"], "auto", ctor);
    return o;
  }
  function setDigitOptions(o, options, mnfdDefault, mxfdDefault, ctor) {
    o.minimumIntegerDigits = defaultNumber(options.minimumIntegerDigits, 1, 21, 1, "minimumIntegerDigits");
    const mnfd = options.minimumFractionDigits;
    const mxfd = options.maximumFractionDigits;
    const mnsd = options.minimumSignificantDigits;
    const mxsd = options.maximumSignificantDigits;
    const increment = defaultNumber(options.roundingIncrement, 1, 5000, 1, "roundingIncrement");
    if (increment !== 1) throw unsupportedOption(ctor, "roundingIncrement", increment);
    o.roundingMode = getString(options, "roundingMode",
      ["ceil", "floor", "expand", "trunc", "halfCeil", "halfFloor", "halfExpand", "halfTrunc", "halfEven"], "halfExpand", ctor);
    o.roundingPriority = getString(options, "roundingPriority", ["auto", "morePrecision", "lessPrecision"], "auto", ctor);
    o.trailingZeroDisplay = getString(options, "trailingZeroDisplay", ["auto", "stripIfInteger"], "auto", ctor);
    o.roundingIncrement = 1;
    const hasSd = mnsd !== undefined || mxsd !== undefined;
    const hasFd = mnfd !== undefined || mxfd !== undefined;
    let needSd = true, needFd = true;
    if (o.roundingPriority === "auto") {
      needSd = hasSd;
      if (needSd || (!hasFd && o.notation === "compact")) needFd = false;
    }
    if (needSd) {
      if (hasSd) {
        o.minimumSignificantDigits = defaultNumber(mnsd, 1, 21, 1, "minimumSignificantDigits");
        o.maximumSignificantDigits = defaultNumber(mxsd, o.minimumSignificantDigits, 21, 21, "maximumSignificantDigits");
      } else {
        o.minimumSignificantDigits = 1;
        o.maximumSignificantDigits = 21;
      }
    }
    if (needFd) {
      if (hasFd) {
        let min = defaultNumber(mnfd, 0, 100, undefined, "minimumFractionDigits");
        let max = defaultNumber(mxfd, 0, 100, undefined, "maximumFractionDigits");
        if (min === undefined) min = mathMin(mnfdDefault, max);
        else if (max === undefined) max = mathMax(mxfdDefault, min);
        else if (min > max) throw new RangeErrorCtor("maximumFractionDigits value is out of range.");
        o.minimumFractionDigits = min;
        o.maximumFractionDigits = max;
      } else {
        o.minimumFractionDigits = mnfdDefault;
        o.maximumFractionDigits = mxfdDefault;
      }
    }
    if (!needSd && !needFd) {
      o.minimumFractionDigits = 0;
      o.maximumFractionDigits = 0;
      o.minimumSignificantDigits = 1;
      o.maximumSignificantDigits = 2;
      o.roundingType = "morePrecision";
      o.computedPriority = "morePrecision";
    } else if (o.roundingPriority === "auto") {
      o.roundingType = needSd ? "significantDigits" : "fractionDigits";
      o.computedPriority = "auto";
    } else {
      o.roundingType = o.roundingPriority;
      o.computedPriority = o.roundingPriority;
    }
  }

  /** The parts of an integer part, grouped per the option. */
  function integerParts(intDigits, grouping, parts) {
    const group = grouping === false ? false : grouping === "min2" ? intDigits.length >= 5 : intDigits.length >= 4;
    if (!group) {
      arrayPush(parts, { type: "integer", value: intDigits });
      return;
    }
    const first = intDigits.length % 3 || 3;
    arrayPush(parts, { type: "integer", value: strSlice(intDigits, 0, first) });
    for (let i = first; i < intDigits.length; i += 3) {
      arrayPush(parts, { type: "group", value: "," });
      arrayPush(parts, { type: "integer", value: strSlice(intDigits, i, i + 3) });
    }
  }
  /** formatToParts for a NumberFormat's resolved options. */
  function numberParts(o, x) {
    let d = toIntlValue(x);
    if (o.style === "percent" && !d.nan && !d.infinite && d.digits !== "") d = { neg: d.neg, digits: d.digits, point: d.point + 2 };
    const body = []; // the number's own parts, without sign, currency or percent sign
    let isZero = false;
    if (d.nan) {
      arrayPush(body, { type: "nan", value: "NaN" });
    } else if (d.infinite) {
      arrayPush(body, { type: "infinity", value: "∞" });
    } else if (o.notation === "compact") {
      let k = 0;
      let rounded, minFraction, minSignificant;
      for (;;) {
        const magnitude = d.digits === "" ? 0 : d.point - 1;
        k = mathMin(mathMax(mathFloor(magnitude / 3), k), 4);
        const scaled = { neg: d.neg, digits: d.digits, point: d.digits === "" ? 0 : d.point - 3 * k };
        [rounded, minFraction, minSignificant] = roundDigits(scaled, o);
        if (k < 4 && rounded.digits !== "" && rounded.point > 3) { k++; continue; } // 999.95K is 1M
        break;
      }
      isZero = rounded.digits === "";
      const [intDigits, fracDigits] = decimalStrings(rounded, minFraction, minSignificant, o);
      integerParts(intDigits, o.useGrouping, body);
      if (fracDigits !== "") {
        arrayPush(body, { type: "decimal", value: "." });
        arrayPush(body, { type: "fraction", value: fracDigits });
      }
      if (k > 0) {
        const suffix = o.compactDisplay === "long" ? COMPACT_LONG[k] : COMPACT_SHORT[k];
        if (suffix[0] === " ") arrayPush(body, { type: "literal", value: " " });
        arrayPush(body, { type: "compact", value: suffix[0] === " " ? strSlice(suffix, 1) : suffix });
      }
    } else if (o.notation === "scientific" || o.notation === "engineering") {
      let exponent = 0, rounded, minFraction, minSignificant;
      for (let attempt = 0; attempt < 2; attempt++) {
        exponent = d.digits === "" ? 0 : d.point - 1;
        if (o.notation === "engineering") exponent = mathFloor(exponent / 3) * 3;
        const scaled = { neg: d.neg, digits: d.digits, point: d.digits === "" ? 0 : d.point - exponent };
        [rounded, minFraction, minSignificant] = roundDigits(scaled, o);
        const limit = o.notation === "engineering" ? 3 : 1;
        if (rounded.digits !== "" && rounded.point > limit) {
          // rounding carried into another digit: 9.9996 is 1E1
          d = { neg: d.neg, digits: rounded.digits, point: rounded.point + exponent };
          continue;
        }
        break;
      }
      isZero = rounded.digits === "";
      if (isZero) exponent = 0;
      const [intDigits, fracDigits] = decimalStrings(rounded, minFraction, minSignificant, o);
      integerParts(intDigits, o.useGrouping, body);
      if (fracDigits !== "") {
        arrayPush(body, { type: "decimal", value: "." });
        arrayPush(body, { type: "fraction", value: fracDigits });
      }
      arrayPush(body, { type: "exponentSeparator", value: "E" });
      if (exponent < 0) arrayPush(body, { type: "exponentMinusSign", value: "-" });
      arrayPush(body, { type: "exponentInteger", value: StringCtor(mathAbs(exponent)) });
    } else {
      const [rounded, minFraction, minSignificant] = roundDigits(d, o);
      isZero = rounded.digits === "";
      const [intDigits, fracDigits] = decimalStrings(rounded, minFraction, minSignificant, o);
      integerParts(intDigits, o.useGrouping, body);
      if (fracDigits !== "") {
        arrayPush(body, { type: "decimal", value: "." });
        arrayPush(body, { type: "fraction", value: fracDigits });
      }
    }
    // the sign
    const neg = !d.nan && d.neg;
    let sign = "";
    switch (o.signDisplay) {
      case "auto": sign = neg ? "-" : ""; break;
      case "always": sign = neg ? "-" : "+"; break;
      case "exceptZero": sign = d.nan || isZero ? "" : neg ? "-" : "+"; break;
      case "negative": sign = neg && !isZero ? "-" : ""; break;
      default: sign = "";
    }
    const accounting = o.style === "currency" && o.currencySign === "accounting" && sign === "-";
    const parts = [];
    if (accounting) arrayPush(parts, { type: "literal", value: "(" });
    else if (sign === "-") arrayPush(parts, { type: "minusSign", value: "-" });
    else if (sign === "+") arrayPush(parts, { type: "plusSign", value: "+" });
    if (o.style === "currency") {
      let symbol = o.currency;
      if (o.currencyDisplay === "symbol") symbol = CURRENCY_SYMBOL[o.currency] || o.currency;
      else if (o.currencyDisplay === "narrowSymbol") {
        symbol = NARROW_SYMBOL[o.currency] || CURRENCY_SYMBOL[o.currency] || o.currency;
      }
      arrayPush(parts, { type: "currency", value: symbol });
      // a symbol that does not end in a symbol character is spaced from digits
      if (body[0].type === "integer" && !regexpTest(/\p{S}$/u, symbol)) arrayPush(parts, { type: "literal", value: "\u00a0" });
    }
    for (let i = 0; i < body.length; i++) arrayPush(parts, body[i]);
    if (o.style === "percent") arrayPush(parts, { type: "percentSign", value: "%" });
    if (accounting) arrayPush(parts, { type: "literal", value: ")" });
    return parts;
  }
  function joinParts(parts) {
    let s = "";
    for (let i = 0; i < parts.length; i++) s += parts[i].value;
    return s;
  }

  const NUMBER_FORMAT = new WeakMap(); // NumberFormat -> resolved options
  const weakGet = uncurry(WeakMap.prototype.get);
  const weakSet = uncurry(WeakMap.prototype.set);
  function numberFormatOf(nf, method) {
    const o = nf !== null && typeof nf === "object" ? weakGet(NUMBER_FORMAT, nf) : undefined;
    if (o === undefined) throw new TypeErrorCtor(`Method Intl.NumberFormat.prototype.${method} called on incompatible receiver ${receiverName(nf)}`);
    return o;
  }
  function receiverName(v) {
    if (v === null || v === undefined) return StringCtor(v);
    if (typeof v === "object") return "#<" + ((v.constructor && v.constructor.name) || "Object") + ">";
    return StringCtor(v);
  }
  function NumberFormat(locales = undefined, options = undefined) {
    const nf = new.target ? this : ObjectCtor.create(NumberFormat.prototype);
    weakSet(NUMBER_FORMAT, nf, resolveNumberOptions(locales, options, NF));
    return nf;
  }
  const NUMBER_KEYS = ["locale", "numberingSystem", "style", "currency", "currencyDisplay", "currencySign",
    "minimumIntegerDigits", "minimumSignificantDigits", "maximumSignificantDigits", "minimumFractionDigits",
    "maximumFractionDigits", "useGrouping", "notation", "compactDisplay", "signDisplay", "roundingMode",
    "roundingIncrement", "trailingZeroDisplay", "roundingPriority"];
  methods(NumberFormat.prototype, {
    get format() {
      const o = numberFormatOf(this, "format");
      if (o.bound === undefined) {
        o.bound = (x) => joinParts(numberParts(o, x));
        defineProperty(o.bound, "name", { value: "" });
      }
      return o.bound;
    },
    formatToParts(x) {
      return numberParts(numberFormatOf(this, "formatToParts"), x);
    },
    formatRange() {
      numberFormatOf(this, "formatRange");
      throw new RangeErrorCtor("Intl.NumberFormat.prototype.formatRange is not available in candor");
    },
    formatRangeToParts() {
      numberFormatOf(this, "formatRangeToParts");
      throw new RangeErrorCtor("Intl.NumberFormat.prototype.formatRangeToParts is not available in candor");
    },
    resolvedOptions() {
      const o = numberFormatOf(this, "resolvedOptions");
      const out = {};
      for (let i = 0; i < NUMBER_KEYS.length; i++) {
        const key = NUMBER_KEYS[i];
        let value = o[key];
        if (key === "roundingPriority") value = o.computedPriority;
        if (key === "compactDisplay" && o.notation !== "compact") continue;
        if ((key === "minimumFractionDigits" || key === "maximumFractionDigits") && o.roundingType === "significantDigits") continue;
        if ((key === "minimumSignificantDigits" || key === "maximumSignificantDigits") && o.roundingType === "fractionDigits") continue;
        if (value !== undefined) out[key] = value;
      }
      return out;
    },
  }, "Intl.NumberFormat");
  NumberFormat.supportedLocalesOf = function supportedLocalesOf_(locales, options = undefined) {
    return supportedLocalesOf(locales, options);
  };

  function methods(proto, source, tag) {
    const names = Object.getOwnPropertyNames(source);
    for (let i = 0; i < names.length; i++) {
      const d = Object.getOwnPropertyDescriptor(source, names[i]);
      d.enumerable = false;
      defineProperty(proto, names[i], d);
    }
    if (tag !== undefined) defineProperty(proto, Symbol.toStringTag, { value: tag, configurable: true });
  }

  // toLocaleString of numbers and bigints: a NumberFormat per call, but the
  // common call with no locale and no options shares one
  let defaultNumberOptions = null;
  function formatNumber(x, locales, options) {
    if (locales === undefined && options === undefined) {
      if (defaultNumberOptions === null) defaultNumberOptions = resolveNumberOptions(undefined, undefined, NF);
      return joinParts(numberParts(defaultNumberOptions, x));
    }
    return joinParts(numberParts(resolveNumberOptions(locales, options, NF), x));
  }

  // -- PluralRules ----------------------------------------------------------------------------------
  const PR = "Intl.PluralRules";
  const PLURAL_RULES = new WeakMap();
  class PluralRules {
    constructor(locales = undefined, options = undefined) {
      const locale = resolveLocale(locales);
      options = toOptions(options);
      checkLocaleMatcher(options, PR);
      const o = { __proto__: null, locale: locale === "en-US" ? "en" : locale, notation: "standard" };
      o.type = getString(options, "type", ["cardinal", "ordinal"], "cardinal", PR);
      setDigitOptions(o, options, 0, 3, PR);
      o.minimumIntegerDigits = o.minimumIntegerDigits || 1;
      o.useGrouping = false;
      o.signDisplay = "never";
      o.style = "decimal";
      weakSet(PLURAL_RULES, this, o);
    }
    select(n) {
      const o = pluralOf(this, "select");
      return pluralCategory(o, n);
    }
    selectRange() {
      pluralOf(this, "selectRange");
      throw new RangeErrorCtor("Intl.PluralRules.prototype.selectRange is not available in candor");
    }
    resolvedOptions() {
      const o = pluralOf(this, "resolvedOptions");
      const out = { locale: o.locale, type: o.type, minimumIntegerDigits: o.minimumIntegerDigits };
      if (o.roundingType !== "significantDigits") {
        out.minimumFractionDigits = o.minimumFractionDigits;
        out.maximumFractionDigits = o.maximumFractionDigits;
      }
      if (o.roundingType !== "fractionDigits") {
        out.minimumSignificantDigits = o.minimumSignificantDigits;
        out.maximumSignificantDigits = o.maximumSignificantDigits;
      }
      out.pluralCategories = o.type === "ordinal" ? ["few", "one", "two", "other"] : ["one", "other"];
      return out;
    }
    static supportedLocalesOf(locales, options = undefined) {
      return supportedLocalesOf(locales, options);
    }
  }
  defineProperty(PluralRules.prototype, Symbol.toStringTag, { value: "Intl.PluralRules", configurable: true });
  function pluralOf(pr, method) {
    const o = pr !== null && typeof pr === "object" ? weakGet(PLURAL_RULES, pr) : undefined;
    if (o === undefined) throw new TypeErrorCtor(`Method Intl.PluralRules.prototype.${method} called on incompatible receiver ${receiverName(pr)}`);
    return o;
  }
  /** en's plural rules, on the number as the options format it. */
  function pluralCategory(o, n) {
    const d = toIntlValue(+n); // ToNumber: a bigint is a TypeError
    if (d.nan || d.infinite) return "other";
    const [rounded, minFraction, minSignificant] = roundDigits(d, o);
    const [intDigits, fracDigits] = decimalStrings(rounded, minFraction, minSignificant, o);
    if (o.type === "cardinal") return intDigits === "1" && fracDigits === "" ? "one" : "other";
    if (fracDigits !== "" && !regexpTest(/^0*$/, fracDigits)) return "other";
    const last2 = +strSlice(intDigits, -2);
    const last = last2 % 10;
    if (last === 1 && last2 !== 11) return "one";
    if (last === 2 && last2 !== 12) return "two";
    if (last === 3 && last2 !== 13) return "few";
    return "other";
  }

  // -- DateTimeFormat ---------------------------------------------------------------------------------
  const DTF = "Intl.DateTimeFormat";
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const getUTC = {
    year: uncurry(Date.prototype.getUTCFullYear),
    month: uncurry(Date.prototype.getUTCMonth),
    day: uncurry(Date.prototype.getUTCDate),
    weekday: uncurry(Date.prototype.getUTCDay),
    hour: uncurry(Date.prototype.getUTCHours),
    minute: uncurry(Date.prototype.getUTCMinutes),
    second: uncurry(Date.prototype.getUTCSeconds),
    ms: uncurry(Date.prototype.getUTCMilliseconds),
  };
  const DateCtor = Date;
  const DATE_FIELDS = ["weekday", "era", "year", "month", "day", "dayPeriod", "hour", "minute", "second",
    "fractionalSecondDigits", "timeZoneName"];
  const TEXT = ["narrow", "short", "long"];
  const NUMERIC = ["numeric", "2-digit"];
  const FIELD_VALUES = {
    __proto__: null,
    weekday: TEXT, era: TEXT, year: NUMERIC, month: ["numeric", "2-digit", "narrow", "short", "long"], day: NUMERIC,
    dayPeriod: TEXT, hour: NUMERIC, minute: NUMERIC, second: NUMERIC,
    timeZoneName: ["short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"],
  };
  const UTC_NAMES = { __proto__: null, "utc": true, "etc/utc": true, "gmt": true, "etc/gmt": true, "etc/universal": true,
    "etc/zulu": true, "universal": true, "zulu": true, "etc/uct": true, "uct": true, "etc/gmt0": true, "gmt0": true,
    "etc/gmt+0": true, "etc/gmt-0": true, "gmt+0": true, "gmt-0": true, "etc/greenwich": true, "greenwich": true };

  /** ToDateTimeOptions: which fields a toLocale*String call shows by default. */
  function dateTimeOptions(options, required, defaults) {
    options = options === undefined ? { __proto__: null } : toOptions(options);
    const copy = { __proto__: null };
    const keys = ["localeMatcher", "calendar", "numberingSystem", "hour12", "hourCycle", "timeZone", "weekday", "era",
      "year", "month", "day", "dayPeriod", "hour", "minute", "second", "fractionalSecondDigits", "timeZoneName",
      "formatMatcher", "dateStyle", "timeStyle"];
    for (let i = 0; i < keys.length; i++) copy[keys[i]] = options[keys[i]];
    let needDefaults = true;
    if (required === "date" || required === "any") {
      for (const f of ["weekday", "year", "month", "day"]) if (copy[f] !== undefined) needDefaults = false;
    }
    if (required === "time" || required === "any") {
      for (const f of ["dayPeriod", "hour", "minute", "second", "fractionalSecondDigits"]) if (copy[f] !== undefined) needDefaults = false;
    }
    if (copy.dateStyle !== undefined || copy.timeStyle !== undefined) needDefaults = false;
    if (required === "date" && copy.timeStyle !== undefined) throw new TypeErrorCtor("Invalid option : timeStyle");
    if (required === "time" && copy.dateStyle !== undefined) throw new TypeErrorCtor("Invalid option : dateStyle");
    if (needDefaults && (defaults === "date" || defaults === "all")) copy.year = copy.month = copy.day = "numeric";
    if (needDefaults && (defaults === "time" || defaults === "all")) copy.hour = copy.minute = copy.second = "numeric";
    return copy;
  }

  function resolveDateOptions(locales, options) {
    const locale = resolveLocale(locales);
    const o = { __proto__: null, locale, calendar: "gregory", numberingSystem: "latn" };
    checkLocaleMatcher(options, DTF);
    const calendar = options.calendar;
    if (calendar !== undefined) {
      const c = `${calendar}`;
      if (!regexpTest(/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i, c)) throw new RangeErrorCtor("Invalid calendar : " + c);
      if (c !== "gregory" && c !== "iso8601") throw unsupportedOption(DTF, "calendar", c);
    }
    checkNumberingSystem(options, DTF);
    const hour12 = getBoolean(options, "hour12");
    let hourCycle = getString(options, "hourCycle", ["h11", "h12", "h23", "h24"], undefined, DTF);
    if (hour12 !== undefined) hourCycle = hour12 ? "h12" : "h24"; // as V8 resolves en-US's h12 default
    let timeZone = options.timeZone;
    if (timeZone !== undefined) {
      timeZone = `${timeZone}`;
      if (UTC_NAMES[strToLower(timeZone)] !== true) {
        if (!regexpTest(/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/, timeZone) && !regexpTest(/^[+-]\d\d(:?\d\d)?$/, timeZone)) {
          throw new RangeErrorCtor("Invalid time zone specified: " + timeZone);
        }
        throw new RangeErrorCtor(`candor has no time zone data: timeZone ${jsonStringify(timeZone)} is not supported (only UTC)`);
      }
    }
    o.timeZone = "UTC";
    const fields = { __proto__: null };
    let any = false;
    for (let i = 0; i < DATE_FIELDS.length; i++) {
      const name = DATE_FIELDS[i];
      let value;
      if (name === "fractionalSecondDigits") {
        value = defaultNumber(options.fractionalSecondDigits, 1, 3, undefined, "fractionalSecondDigits");
      } else {
        value = getString(options, name, FIELD_VALUES[name], undefined, DTF);
      }
      if (value !== undefined) {
        fields[name] = value;
        if (name !== "timeZoneName") any = true;
      }
    }
    getString(options, "formatMatcher", ["basic", "best fit"], "best fit", DTF);
    const dateStyle = getString(options, "dateStyle", ["full", "long", "medium", "short"], undefined, DTF);
    const timeStyle = getString(options, "timeStyle", ["full", "long", "medium", "short"], undefined, DTF);
    if (dateStyle !== undefined || timeStyle !== undefined) {
      for (let i = 0; i < DATE_FIELDS.length; i++) {
        if (fields[DATE_FIELDS[i]] !== undefined) {
          throw new TypeErrorCtor(`Can't set option ${DATE_FIELDS[i]} when ${dateStyle !== undefined ? "dateStyle" : "timeStyle"} is used`);
        }
      }
      o.dateStyle = dateStyle;
      o.timeStyle = timeStyle;
    } else if (!any) {
      // the constructor's defaults: the date
      fields.year = fields.month = fields.day = "numeric";
    }
    if (fields.dayPeriod !== undefined) throw unsupportedOption(DTF, "dayPeriod", fields.dayPeriod);
    if (fields.timeZoneName !== undefined && fields.timeZoneName !== "short" && fields.timeZoneName !== "long" &&
        fields.timeZoneName !== "shortOffset" && fields.timeZoneName !== "longOffset") {
      throw unsupportedOption(DTF, "timeZoneName", fields.timeZoneName);
    }
    const hasHour = fields.hour !== undefined || timeStyle !== undefined;
    if (hasHour) o.hourCycle = hourCycle === undefined ? "h12" : hourCycle;
    o.pattern = datePattern(fields, o, dateStyle, timeStyle);
    return o;
  }

  // A pattern is a list of items: a string (literal) or [field, width].
  // en's patterns, keyed by the fields they show (M#: a numeric month, Mt: a month by name).
  const DATE_PATTERNS = {
    __proto__: null,
    "y": "{y}", "M#": "{M}", "Mt": "{M}", "d": "{d}", "E": "{E}",
    "M#d": "{M}/{d}", "Mtd": "{M} {d}", "yM#": "{M}/{y}", "yMt": "{M} {y}",
    "yM#d": "{M}/{d}/{y}", "yMtd": "{M} {d}, {y}",
    "EM#d": "{E}, {M}/{d}", "EMtd": "{E}, {M} {d}", "EyM#d": "{E}, {M}/{d}/{y}", "EyMtd": "{E}, {M} {d}, {y}",
    "Ed": "{d} {E}",
    "Gy": "{y} {G}", "GyM#d": "{M}/{d}/{y} {G}", "GyMt": "{M} {y} {G}", "GyMtd": "{M} {d}, {y} {G}",
    "GEyMtd": "{E}, {M} {d}, {y} {G}",
  };
  // formatToParts has U+202F before AM/PM, as ICU does; format() has a space, as V8 makes it
  const TIME_PATTERNS_12 = { __proto__: null, "h": "{h}\u202f{a}", "hm": "{h}:{mm}\u202f{a}", "hms": "{h}:{mm}:{ss}\u202f{a}" };
  const TIME_PATTERNS_24 = { __proto__: null, "h": "{HH}", "hm": "{HH}:{mm}", "hms": "{HH}:{mm}:{ss}" };
  const TIME_PATTERNS_OTHER = { __proto__: null, "m": "{m}", "s": "{s}", "ms": "{mm}:{ss}" };

  function unsupportedFields(fields) {
    const names = [];
    for (const k of DATE_FIELDS) if (fields[k] !== undefined) arrayPush(names, k);
    return new RangeErrorCtor(`Intl.DateTimeFormat in candor does not support this combination of fields: ${arrayJoin(names, ", ")}`);
  }
  /** Parses "{y}/{M}" into items, with each field's width from `widths`. */
  function compile(template, widths) {
    const items = [];
    const re = /\{([A-Za-z]+)\}|[^{]+/g;
    let m;
    while ((m = regexpExec(re, template)) !== null) {
      if (m[1] === undefined) arrayPush(items, m[0]);
      else {
        arrayPush(items, widths[m[1]]);
      }
    }
    return items;
  }
  function datePattern(fields, o, dateStyle, timeStyle) {
    const h24 = o.hourCycle === "h23" || o.hourCycle === "h24";
    if (dateStyle !== undefined || timeStyle !== undefined) {
      let date = null, time = null;
      if (dateStyle !== undefined) {
        date = {
          full: "{E}, {M} {d}, {y}", long: "{M} {d}, {y}", medium: "{M} {d}, {y}", short: "{M}/{d}/{y}",
        }[dateStyle];
        const month = dateStyle === "short" ? "numeric" : dateStyle === "medium" ? "short" : "long";
        date = compile(date, { E: ["weekday", "long"], M: ["month", month], d: ["day", "numeric"],
          y: ["year", dateStyle === "short" ? "2-digit" : "numeric"] });
      }
      if (timeStyle !== undefined) {
        const base = timeStyle === "short" ? (h24 ? TIME_PATTERNS_24.hm : TIME_PATTERNS_12.hm) : (h24 ? TIME_PATTERNS_24.hms : TIME_PATTERNS_12.hms);
        const zone = timeStyle === "full" ? " {z}" : timeStyle === "long" ? " {zs}" : "";
        time = compile(base + zone, timeWidths("numeric", { z: ["timeZoneName", "long"], zs: ["timeZoneName", "short"] }));
      }
      if (date === null) return time;
      if (time === null) return date;
      const glue = dateStyle === "full" || dateStyle === "long" ? " at " : ", ";
      return [...date, glue, ...time];
    }
    // date fields
    let key = "";
    if (fields.era !== undefined) key += "G";
    if (fields.weekday !== undefined) key += "E";
    if (fields.year !== undefined) key += "y";
    if (fields.month !== undefined) key += fields.month === "numeric" || fields.month === "2-digit" ? "M#" : "Mt";
    if (fields.day !== undefined) key += "d";
    let date = null;
    if (key !== "") {
      const template = DATE_PATTERNS[key];
      if (template === undefined) throw unsupportedFields(fields);
      date = compile(template, {
        G: ["era", fields.era], E: ["weekday", fields.weekday], y: ["year", fields.year],
        M: ["month", fields.month], d: ["day", fields.day],
      });
    }
    // time fields
    if (fields.fractionalSecondDigits !== undefined && fields.minute !== undefined && fields.second === undefined) {
      fields.second = "2-digit"; // as ICU adds them
    }
    let tkey = "";
    if (fields.hour !== undefined) tkey += "h";
    if (fields.minute !== undefined) tkey += "m";
    if (fields.second !== undefined) tkey += "s";
    let time = null;
    if (tkey !== "") {
      const template = fields.hour !== undefined ? (h24 ? TIME_PATTERNS_24 : TIME_PATTERNS_12)[tkey] : TIME_PATTERNS_OTHER[tkey];
      if (template === undefined) throw unsupportedFields(fields);
      time = compile(template, timeWidths(fields.hour, {}));
    }
    if (fields.fractionalSecondDigits !== undefined) {
      const fraction = ["fractionalSecond", fields.fractionalSecondDigits];
      if (time === null) time = [fraction];
      else if (fields.second !== undefined) {
        // after the seconds
        const out = [];
        for (let i = 0; i < time.length; i++) {
          arrayPush(out, time[i]);
          if (isArray(time[i]) && time[i][0] === "second") {
            arrayPush(out, ".");
            arrayPush(out, fraction);
          }
        }
        time = out;
      } else {
        throw unsupportedFields(fields);
      }
    }
    if (fields.timeZoneName !== undefined) {
      const zone = ["timeZoneName", fields.timeZoneName];
      if (time !== null) time = [...time, " ", zone];
      else if (date !== null) date = [...date, ", ", zone];
      else time = [zone];
    }
    if (date === null) return time;
    if (time === null) return date;
    if (key === "E" && (tkey === "hm" || tkey === "hms" || (tkey === "h" && !h24))) {
      return [...date, " ", ...time]; // en's "E h:mm a" and the like
    }
    const glue = fields.month === "long" ? " at " : ", ";
    return [...date, glue, ...time];
  }
  function timeWidths(hour, extra) {
    const widths = {
      h: ["hour", hour === "2-digit" ? "2-digit" : "numeric"], HH: ["hour", "2-digit"], a: ["dayPeriod", "short"],
      mm: ["minute", "2-digit"], ss: ["second", "2-digit"], m: ["minute", "numeric"], s: ["second", "numeric"],
    };
    for (const k in extra) widths[k] = extra[k];
    return widths;
  }

  function eraYear(year) {
    return year <= 0 ? 1 - year : year;
  }
  const pad2 = (n) => (n < 10 ? "0" + n : StringCtor(n));
  /** formatToParts of a DateTimeFormat's resolved options at time `t` (ms). */
  function dateParts(o, t) {
    const date = new DateCtor(t);
    const year = getUTC.year(date), month = getUTC.month(date), day = getUTC.day(date);
    const weekday = getUTC.weekday(date), hour = getUTC.hour(date), minute = getUTC.minute(date);
    const second = getUTC.second(date), ms = getUTC.ms(date);
    const parts = [];
    const pattern = o.pattern;
    for (let i = 0; i < pattern.length; i++) {
      const item = pattern[i];
      if (!isArray(item)) {
        const last = parts[parts.length - 1];
        if (last !== undefined && last.type === "literal") last.value += item;
        else arrayPush(parts, { type: "literal", value: item });
        continue;
      }
      const [field, width] = item;
      let value;
      switch (field) {
        case "weekday":
          value = width === "long" ? WEEKDAYS[weekday] : width === "short" ? strSlice(WEEKDAYS[weekday], 0, 3) : WEEKDAYS[weekday][0];
          break;
        case "era":
          value = year <= 0 ? (width === "long" ? "Before Christ" : width === "short" ? "BC" : "B") :
            (width === "long" ? "Anno Domini" : width === "short" ? "AD" : "A");
          break;
        case "year": {
          const y = eraYear(year);
          value = width === "2-digit" ? pad2(y % 100) : StringCtor(y);
          break;
        }
        case "month":
          value = width === "numeric" ? StringCtor(month + 1) : width === "2-digit" ? pad2(month + 1) :
            width === "long" ? MONTHS[month] : width === "short" ? strSlice(MONTHS[month], 0, 3) : MONTHS[month][0];
          break;
        case "day":
          value = width === "2-digit" ? pad2(day) : StringCtor(day);
          break;
        case "hour": {
          let h = hour;
          switch (o.hourCycle) {
            case "h11": h = hour % 12; break;
            case "h12": h = hour % 12 || 12; break;
            case "h24": h = hour || 24; break;
            default: break;
          }
          value = width === "2-digit" ? pad2(h) : StringCtor(h);
          break;
        }
        case "dayPeriod":
          value = hour < 12 ? "AM" : "PM";
          break;
        case "minute":
          value = width === "2-digit" ? pad2(minute) : StringCtor(minute);
          break;
        case "second":
          value = width === "2-digit" ? pad2(second) : StringCtor(second);
          break;
        case "fractionalSecond":
          value = strSlice(strPadStart(StringCtor(ms), 3, "0"), 0, width);
          break;
        case "timeZoneName":
          value = width === "long" ? "Coordinated Universal Time" : width === "short" ? "UTC" :
            width === "shortOffset" ? "GMT+0" : "GMT+00:00";
          break;
      }
      arrayPush(parts, { type: field, value });
    }
    return parts;
  }
  const dateString = (parts) => strReplace(joinParts(parts), /\u202f/g, " ");
  /** The time value a format call is given: now when undefined; RangeError when invalid. */
  function timeValue(x) {
    let t = x === undefined ? dateNow() : typeof x === "object" && x !== null && isDate(x) ? dateValueOf(x) : NumberCtor(x);
    if (!isFiniteFn(t) || mathAbs(t) > 8.64e15) throw new RangeErrorCtor("Invalid time value");
    return t;
  }
  function isDate(x) {
    try {
      dateValueOf(x);
      return true;
    } catch (_) {
      return false;
    }
  }

  const DATE_TIME_FORMAT = new WeakMap();
  function dateFormatOf(dtf, method) {
    const o = dtf !== null && typeof dtf === "object" ? weakGet(DATE_TIME_FORMAT, dtf) : undefined;
    if (o === undefined) throw new TypeErrorCtor(`Method Intl.DateTimeFormat.prototype.${method} called on incompatible receiver ${receiverName(dtf)}`);
    return o;
  }
  function DateTimeFormat(locales = undefined, options = undefined) {
    const dtf = new.target ? this : ObjectCtor.create(DateTimeFormat.prototype);
    const opts = dateTimeOptions(options, "any", "date");
    weakSet(DATE_TIME_FORMAT, dtf, resolveDateOptions(locales, opts));
    return dtf;
  }
  methods(DateTimeFormat.prototype, {
    get format() {
      const o = dateFormatOf(this, "format");
      if (o.bound === undefined) {
        o.bound = (date) => dateString(dateParts(o, timeValue(date)));
        defineProperty(o.bound, "name", { value: "" });
      }
      return o.bound;
    },
    formatToParts(date) {
      return dateParts(dateFormatOf(this, "formatToParts"), timeValue(date));
    },
    formatRange() {
      dateFormatOf(this, "formatRange");
      throw new RangeErrorCtor("Intl.DateTimeFormat.prototype.formatRange is not available in candor");
    },
    formatRangeToParts() {
      dateFormatOf(this, "formatRangeToParts");
      throw new RangeErrorCtor("Intl.DateTimeFormat.prototype.formatRangeToParts is not available in candor");
    },
    resolvedOptions() {
      const o = dateFormatOf(this, "resolvedOptions");
      const out = { locale: o.locale, calendar: o.calendar, numberingSystem: o.numberingSystem, timeZone: o.timeZone };
      if (o.hourCycle !== undefined && (hasField(o, "hour") || o.timeStyle !== undefined)) {
        out.hourCycle = o.hourCycle;
        out.hour12 = o.hourCycle === "h11" || o.hourCycle === "h12";
      }
      if (o.dateStyle !== undefined || o.timeStyle !== undefined) {
        if (o.dateStyle !== undefined) out.dateStyle = o.dateStyle;
        if (o.timeStyle !== undefined) out.timeStyle = o.timeStyle;
        return out;
      }
      for (const name of ["weekday", "era", "year", "month", "day", "hour", "minute", "second", "fractionalSecond", "timeZoneName"]) {
        for (let i = 0; i < o.pattern.length; i++) {
          const item = o.pattern[i];
          if (isArray(item) && item[0] === name) {
            if (name === "fractionalSecond") out.fractionalSecondDigits = item[1];
            else out[name] = item[1];
          }
        }
      }
      return out;
    },
  }, "Intl.DateTimeFormat");
  DateTimeFormat.supportedLocalesOf = function supportedLocalesOf_(locales, options = undefined) {
    return supportedLocalesOf(locales, options);
  };
  function hasField(o, name) {
    for (let i = 0; i < o.pattern.length; i++) if (isArray(o.pattern[i]) && o.pattern[i][0] === name) return true;
    return false;
  }
  /** Date.prototype.toLocale{,Date,Time}String with a locale or options. */
  const DATE_METHODS = { __proto__: null, any: "toLocaleString", date: "toLocaleDateString", time: "toLocaleTimeString" };
  const defaultDateOptions = { __proto__: null }; // required -> the resolved options of a call with no arguments
  function formatDate(date, locales, options, required, defaults) {
    let t;
    try {
      t = dateValueOf(date);
    } catch (_) {
      throw new TypeErrorCtor(`Method Date.prototype.${DATE_METHODS[required]} called on incompatible receiver ${receiverName(date)}`);
    }
    if (isNaNFn(t)) return "Invalid Date";
    let o;
    if (locales === undefined && options === undefined) {
      o = defaultDateOptions[required];
      if (o === undefined) {
        o = resolveDateOptions(undefined, dateTimeOptions(undefined, required, defaults));
        defaultDateOptions[required] = o;
      }
    } else {
      o = resolveDateOptions(locales, dateTimeOptions(options, required, defaults));
    }
    return dateString(dateParts(o, t));
  }

  // -- collation -------------------------------------------------------------------------------------
  // primary order (derived from ICU root collation): each string is one primary weight
  const PRIMARY_GROUPS = [
    "\u0009", "\u000a", "\u000b", "\u000c", "\u000d", "\u0085", "\u2028", "\u2029", " ", "_", "-", "‐", "‒", "–",
    "—", "―", "⁓", ",", "、", ";", "⁏", ":", "!", "¡", "?", "¿", "‽", ".", "。", "·", "⁕", "⁖", "⁘", "⁙", "⁚", "⁛",
    "⁜", "⁝", "⁞", "'‘’‚‛", "‹", "›", "\"“”„‟", "«", "»", "(", ")", "[", "]", "{", "}", "⁅", "⁆", "‖", "§", "¶",
    "⁋", "@", "*", "⁎", "⁑", "/", "\\", "&", "⁊", "#", "%", "‰", "‱", "†", "‡", "•", "‣", "‧", "⁃", "⁌", "⁍", "′",
    "‵", "‸", "※", "‿", "⁔", "⁀", "⁐", "⁁", "⁂", "`", "^", "͵", "°", "©", "®", "℄", "℈", "℔", "℗", "℘", "℞", "℟",
    "←", "→", "↑", "↓", "϶", "+", "±", "÷", "×", "<", "=", ">", "¬", "|", "¦", "~", "−", "⁒", "⁄", "∞", "■", "□",
    "○", "●", "★", "☆", "✓", "✗", "¤", "¢", "$", "£", "¥", "₠", "₡", "₢", "₣", "₤", "₥", "₦", "₩", "₪", "₫", "€",
    "₭", "₮", "₯", "₰", "₱", "₲", "₳", "₴", "₵", "₶", "₷", "₸", "₹", "₺", "₻", "₼", "₽", "₾", "₿", "⃀", "0", "1",
    "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "ƀ", "ƃ", "c", "ȼ", "ƈ", "d", "ƌ", "ȡ", "e", "ɇ", "ǝ", "f",
    "ƒ", "g", "ǥ", "ƣ", "h", "ƕ", "i", "ı", "j", "ȷ", "ɉ", "k", "ƙ", "l", "ƚ", "ȴ", "ƛ", "m", "n", "ƞ", "ȵ", "ŋ",
    "o", "ȣ", "p", "₧", "ƥ", "q", "ɋ", "ĸ", "r", "ɍ", "s", "ȿ", "ƪ", "t", "ŧ", "ƫ", "ƭ", "ȶ", "u", "v", "w", "x",
    "y", "ɏ", "ƴ", "ȝ", "z", "ƶ", "ȥ", "ɀ", "ƹ", "ƺ", "þ", "ƿ", "ƻ", "ƨ", "ƽ", "ƅ", "ɂ", "ǀ", "ǁ", "ǂ", "ǃ", "α",
    "β", "γ", "δ", "ε", "ϝ", "ͷ", "ϛ", "ζ", "ͱ", "η", "θ", "ι", "ϳ", "κ", "ϗ", "λ", "μ", "ν", "ξ", "ο", "π", "ϻ",
    "ϟ", "ϙ", "ρ", "ϼ", "ςσ", "ͼ", "ͻ", "ͽ", "τ", "υ", "φ", "χ", "ψ", "ω", "ϡ", "ͳ", "ϸ", "ϣ", "ϥ", "ϧ", "ϩ", "ϫ",
    "ϭ", "ϯ", "а", "б", "в", "г", "д", "ђ", "е", "є", "ж", "з", "ѕ", "и", "і", "ј", "к", "л", "љ", "м", "н", "њ",
    "о", "п", "р", "с", "т", "ћ", "у", "ф", "х", "ц", "ч", "џ", "ш", "щ", "ъ", "ы", "ь", "э", "ю", "я",
  ];
  // the primaries that ignorePunctuation ignores (whitespace and punctuation)
  const VARIABLE_CHARS = "\u0009\u000a\u000b\u000c\u000d\u0085\u2028\u2029 _-‐‒–—―⁓,、;⁏:!¡?¿‽.。·⁕⁖⁘⁙⁚⁛⁜⁝⁞'‘’‚‛‹›\"“”„‟«»()[]{}⁅⁆‖§¶⁋@*⁎⁑/\\&⁊#%‰‱†‡•‣‧⁃⁌⁍′‵‸※‿⁔⁀⁐⁁⁂";
  const IGNORABLE_CHARS = "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u0080\u0081\u0082\u0083\u0084\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff\u034f";
  // combining marks in secondary order, ties in one string
  const MARK_GROUPS = [
    "\u0332", "\u0313\u0343", "\u0314", "\u0301\u0341", "\u0300\u0340", "\u0306", "\u0302", "\u030c", "\u030a",
    "\u0342", "\u0308", "\u0344", "\u030b", "\u0303", "\u0307", "\u0338", "\u0327", "\u0328", "\u0304",
    "\u030d\u030e\u0312\u0315\u031a\u033d\u033e\u033f\u0346\u034a\u034b\u034c\u0350\u0351\u0352\u0357\u035b\u035d\u035e",
    "\u0316\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320\u0329\u032a\u032b\u032c\u032f\u0333\u033a\u033b\u033c\u0347\u0348\u0349\u034d\u034e\u0353\u0354\u0355\u0356\u0359\u035a\u035c\u035f\u0362",
    "\u0336\u0337", "\u0335", "\u0305", "\u0309", "\u030f", "\u0310", "\u0311", "\u031b", "\u0321", "\u0322",
    "\u0323", "\u0324", "\u0325", "\u0326", "\u032d", "\u032e", "\u0330", "\u0331", "\u0334", "\u0339", "\u0345",
    "\u0358", "\u0360", "\u0361", "\u0363", "\u0368", "\u0369", "\u0364", "\u036a", "\u0365", "\u036b", "\u0366",
    "\u036c", "\u036d", "\u0367", "\u036e", "\u036f",
  ];
  // letters that sort as other letters with a mark: [letters, secondary mark]
  const EXPANSIONS = {
    __proto__: null,
    "ß": ["ss", null], "æ": ["ae", null], "œ": ["oe", null], "ð": ["d", null], "ø": ["o", "\u0338"],
    "đ": ["d", "\u0335"], "ħ": ["h", "\u0335"], "ł": ["l", "\u0335"],
  };
  let collationTables = null; // built on first use
  function tables() {
    if (collationTables !== null) return collationTables;
    const primary = new MapCtor();
    const tertiaryOf = new MapCtor();
    let weight = 1;
    let digitWeight = 0;
    for (let i = 0; i < PRIMARY_GROUPS.length; i++) {
      const group = PRIMARY_GROUPS[i];
      if (group === "0") {
        digitWeight = weight;
        weight += 2000; // room for numeric collation's number lengths
      }
      for (let j = 0; j < group.length; j++) {
        mapSet(primary, group[j], weight);
        if (j > 0) mapSet(tertiaryOf, group[j], j);
      }
      weight += group === "0" || (group >= "1" && group <= "9" && group.length === 1) ? 1 : 10;
    }
    const variable = new MapCtor();
    for (let i = 0; i < VARIABLE_CHARS.length; i++) mapSet(variable, VARIABLE_CHARS[i], true);
    const ignorable = new MapCtor();
    for (let i = 0; i < IGNORABLE_CHARS.length; i++) mapSet(ignorable, IGNORABLE_CHARS[i], true);
    const marks = new MapCtor();
    for (let i = 0; i < MARK_GROUPS.length; i++) {
      for (let j = 0; j < MARK_GROUPS[i].length; j++) mapSet(marks, MARK_GROUPS[i][j], i + 2);
    }
    collationTables = { primary, tertiaryOf, variable, ignorable, marks, digitWeight,
      maxMark: MARK_GROUPS.length + 2, implicit: weight + 100000 };
    return collationTables;
  }
  const COMBINING = /\p{M}/u;
  const DIGIT_RUN = /^[0-9]+/;
  /**
   * The collation elements of `s`: [primaries, secondaries, tertiaries], each a
   * list of numbers compared level by level (UCA's sort key, simplified).
   */
  function collationKey(s, o) {
    const t = tables();
    const p = [], sec = [], ter = [];
    const upperFirst = o.caseFirst === "upper";
    const text = strNormalize(s, "NFD");
    const push = (pw, sw, tw) => {
      arrayPush(p, pw);
      arrayPush(sec, sw);
      arrayPush(ter, tw);
    };
    const caseWeight = (upper) => (upperFirst ? (upper ? 1 : 3) : upper ? 3 : 1);
    for (let i = 0; i < text.length; i++) {
      let c = text[i];
      const code = charCodeAt(text, i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        c = text[i] + text[i + 1];
        i++;
      }
      if (mapGet(t.ignorable, c) === true) continue;
      if (o.numeric && c >= "0" && c <= "9") {
        const run = regexpExec(DIGIT_RUN, strSlice(text, i))[0];
        let start = 0;
        while (start < run.length - 1 && run[start] === "0") start++;
        const digits = strSlice(run, start);
        // a number: its length first, then its digits (leading zeros do not count)
        push(t.digitWeight + 10 + mathMin(digits.length, 1900), 1, 1);
        for (let j = 0; j < digits.length; j++) push(t.digitWeight + 1 + (charCodeAt(digits, j) - 48), 1, 1);
        i += run.length - 1;
        continue;
      }
      let w = mapGet(t.primary, c);
      if (o.highDigits && c >= "0" && c <= "9") w = t.digitWeight + 1990 + (charCodeAt(c, 0) - 48);
      if (w !== undefined) {
        if (o.ignorePunctuation && mapGet(t.variable, c) === true) continue;
        const variant = mapGet(t.tertiaryOf, c) || 0;
        push(w, 1, caseWeight(false) + variant * 0.1);
        continue;
      }
      const mark = mapGet(t.marks, c);
      if (mark !== undefined || regexpTest(COMBINING, c)) {
        const weight = mark !== undefined ? mark : t.maxMark;
        if (p.length > 0) {
          // a secondary-only element
          push(0, weight, 1);
        }
        continue;
      }
      const lower = strToLower(c);
      const upper = lower !== c;
      const expansion = EXPANSIONS[lower];
      if (expansion !== undefined) {
        const [letters, markChar] = expansion;
        for (let j = 0; j < letters.length; j++) {
          const last = j === letters.length - 1;
          const upperHere = upper && (j === 0 || strToUpper(c) === c);
          push(mapGet(t.primary, letters[j]), 1, caseWeight(upperHere) + (last ? 0.05 : 0));
        }
        push(0, markChar === null ? t.maxMark + 1 : mapGet(t.marks, markChar) || t.maxMark, 1);
        continue;
      }
      w = lower.length === 1 || lower.length === 2 ? mapGet(t.primary, lower) : undefined;
      if (w !== undefined) {
        push(w, 1, caseWeight(upper));
        continue;
      }
      // compatibility characters (ligatures, full-width forms, superscripts): as their
      // decomposition, a tertiary variant of it
      const compat = strNormalize(c, "NFKD");
      if (compat !== c) {
        // (digits in them are not numbers: numeric collation sorts them after all numbers)
        const inner = collationKey(compat, o.numeric ? o.plain || (o.plain = { __proto__: o, numeric: false, highDigits: true }) : o);
        for (let j = 0; j < inner[0].length; j++) push(inner[0][j], inner[1][j], inner[2][j] + 0.5);
        continue;
      }
      // anything else: after all the known letters, by code point
      push(t.implicit + codePointAt(c, 0), 1, caseWeight(upper));
    }
    return [p, sec, ter];
  }
  function compareLevel(a, b, skipZero) {
    let i = 0, j = 0;
    for (;;) {
      if (skipZero) {
        while (i < a.length && a[i] === 0) i++;
        while (j < b.length && b[j] === 0) j++;
      }
      if (i >= a.length || j >= b.length) break;
      if (a[i] !== b[j]) return a[i] < b[j] ? -1 : 1;
      i++;
      j++;
    }
    const restA = i < a.length, restB = j < b.length;
    return restA === restB ? 0 : restA ? 1 : -1;
  }
  /** Secondaries or tertiaries of the elements that count at that level. */
  function levelWeights(key, level) {
    const out = [];
    const p = key[0], s = key[1];
    for (let i = 0; i < p.length; i++) {
      if (level === 2 && (p[i] !== 0 || s[i] !== 0)) arrayPush(out, s[i]);
      if (level === 3 && p[i] !== 0) arrayPush(out, key[2][i]);
    }
    return out;
  }
  const keyCache = new MapCtor();
  function cachedKey(s, o) {
    const id = o.id + s;
    let key = mapGet(keyCache, id);
    if (key === undefined) {
      if (mapSize(keyCache) > 2000) mapClear(keyCache);
      key = collationKey(s, o);
      mapSet(keyCache, id, key);
    }
    return key;
  }
  function collate(o, a, b) {
    if (a === b) return 0;
    const ka = cachedKey(a, o), kb = cachedKey(b, o);
    let r = compareLevel(ka[0], kb[0], true);
    if (r !== 0 || o.sensitivity === "base") return r;
    if (o.sensitivity !== "case") {
      r = compareLevel(levelWeights(ka, 2), levelWeights(kb, 2), false);
      if (r !== 0 || o.sensitivity === "accent") return r;
    }
    const ta = levelWeights(ka, 3), tb = levelWeights(kb, 3);
    if (o.sensitivity === "case") {
      // only the case differences: upper vs lower
      for (let i = 0; i < ta.length; i++) ta[i] = mathFloor(ta[i]);
      for (let i = 0; i < tb.length; i++) tb[i] = mathFloor(tb[i]);
    }
    return compareLevel(ta, tb, false);
  }

  const CO = "Intl.Collator";
  const COLLATORS = new WeakMap();
  function resolveCollatorOptions(locales, options) {
    const locale = resolveLocale(locales);
    options = toOptions(options);
    const o = { __proto__: null, locale };
    o.usage = getString(options, "usage", ["sort", "search"], "sort", CO);
    checkLocaleMatcher(options, CO);
    const collation = options.collation;
    if (collation !== undefined && `${collation}` !== "default") {
      if (!regexpTest(/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i, `${collation}`)) throw new RangeErrorCtor("Invalid collation : " + collation);
      throw unsupportedOption(CO, "collation", `${collation}`);
    }
    const numeric = getBoolean(options, "numeric");
    o.numeric = numeric === undefined ? false : numeric;
    o.caseFirst = getString(options, "caseFirst", ["upper", "lower", "false"], "false", CO);
    o.sensitivity = getString(options, "sensitivity", ["base", "accent", "case", "variant"], "variant", CO);
    const ignorePunctuation = getBoolean(options, "ignorePunctuation");
    o.ignorePunctuation = ignorePunctuation === undefined ? false : ignorePunctuation;
    o.collation = "default";
    o.id = (o.numeric ? "n" : "-") + (o.ignorePunctuation ? "p" : "-") + (o.caseFirst === "upper" ? "u" : "-") + ":";
    return o;
  }
  function collatorOf(c, method) {
    const o = c !== null && typeof c === "object" ? weakGet(COLLATORS, c) : undefined;
    if (o === undefined) throw new TypeErrorCtor(`Method Intl.Collator.prototype.${method} called on incompatible receiver ${receiverName(c)}`);
    return o;
  }
  function Collator(locales = undefined, options = undefined) {
    const c = new.target ? this : ObjectCtor.create(Collator.prototype);
    weakSet(COLLATORS, c, resolveCollatorOptions(locales, options));
    return c;
  }
  methods(Collator.prototype, {
    get compare() {
      const o = collatorOf(this, "compare");
      if (o.bound === undefined) {
        o.bound = (a, b) => collate(o, `${a}`, `${b}`);
        defineProperty(o.bound, "name", { value: "" });
      }
      return o.bound;
    },
    resolvedOptions() {
      const o = collatorOf(this, "resolvedOptions");
      return {
        locale: o.locale, usage: o.usage, sensitivity: o.sensitivity, ignorePunctuation: o.ignorePunctuation,
        collation: o.collation, numeric: o.numeric, caseFirst: o.caseFirst,
      };
    },
  }, "Intl.Collator");
  Collator.supportedLocalesOf = function supportedLocalesOf_(locales, options = undefined) {
    return supportedLocalesOf(locales, options);
  };
  let defaultCollator = null;
  /** String.prototype.localeCompare. */
  function compare(thisValue, that, locales, options) {
    if (thisValue === null || thisValue === undefined) {
      throw new TypeErrorCtor("String.prototype.localeCompare called on null or undefined");
    }
    const a = `${typeof thisValue === "object" && isStringObject(thisValue) ? stringValueOf(thisValue) : thisValue}`;
    const b = `${that}`;
    let o;
    if (locales === undefined && options === undefined) {
      if (defaultCollator === null) defaultCollator = resolveCollatorOptions(undefined, undefined);
      o = defaultCollator;
    } else {
      o = resolveCollatorOptions(locales, options);
    }
    return collate(o, a, b);
  }
  function isStringObject(v) {
    try {
      stringValueOf(v);
      return true;
    } catch (_) {
      return false;
    }
  }

  // -- ListFormat ------------------------------------------------------------------------------------------
  const LF = "Intl.ListFormat";
  const LIST_FORMATS = new WeakMap();
  const LIST_WORDS = {
    __proto__: null,
    "conjunction-long": [" and ", ", and "], "conjunction-short": [" & ", ", & "], "conjunction-narrow": [", ", ", "],
    "disjunction-long": [" or ", ", or "], "disjunction-short": [" or ", ", or "], "disjunction-narrow": [" or ", ", or "],
    "unit-long": [", ", ", "], "unit-short": [", ", ", "], "unit-narrow": [" ", " "],
  };
  class ListFormat {
    constructor(locales = undefined, options = undefined) {
      const locale = resolveLocale(locales);
      if (options !== undefined && (options === null || typeof options !== "object")) {
        throw new TypeErrorCtor("Options must be an object");
      }
      options = toOptions(options);
      checkLocaleMatcher(options, LF);
      const o = { __proto__: null, locale };
      o.type = getString(options, "type", ["conjunction", "disjunction", "unit"], "conjunction", LF);
      o.style = getString(options, "style", ["long", "short", "narrow"], "long", LF);
      weakSet(LIST_FORMATS, this, o);
    }
    format(list) {
      return joinParts(listParts(listOf(this, "format"), list));
    }
    formatToParts(list) {
      return listParts(listOf(this, "formatToParts"), list);
    }
    resolvedOptions() {
      const o = listOf(this, "resolvedOptions");
      return { locale: o.locale, type: o.type, style: o.style };
    }
    static supportedLocalesOf(locales, options = undefined) {
      return supportedLocalesOf(locales, options);
    }
  }
  defineProperty(ListFormat.prototype, Symbol.toStringTag, { value: "Intl.ListFormat", configurable: true });
  function listOf(lf, method) {
    const o = lf !== null && typeof lf === "object" ? weakGet(LIST_FORMATS, lf) : undefined;
    if (o === undefined) throw new TypeErrorCtor(`Method Intl.ListFormat.prototype.${method} called on incompatible receiver ${receiverName(lf)}`);
    return o;
  }
  function listParts(o, list) {
    const items = [];
    if (list !== undefined) {
      for (const item of list) {
        if (typeof item !== "string") throw new TypeErrorCtor(`Iterable yielded ${StringCtor(item)} which is not a string`);
        arrayPush(items, item);
      }
    }
    const [pair, last] = LIST_WORDS[o.type + "-" + o.style];
    const parts = [];
    for (let i = 0; i < items.length; i++) {
      if (i > 0) {
        const sep = items.length === 2 ? pair : i === items.length - 1 ? last : ", ";
        arrayPush(parts, { type: "literal", value: o.type === "unit" && o.style === "narrow" ? " " : sep });
      }
      arrayPush(parts, { type: "element", value: items[i] });
    }
    return parts;
  }

  // -- RelativeTimeFormat ---------------------------------------------------------------------------------
  const RTF = "Intl.RelativeTimeFormat";
  const RELATIVE_FORMATS = new WeakMap();
  // [singular, plural] per unit and style
  const RELATIVE_UNITS = {
    __proto__: null,
    long: { second: ["second", "seconds"], minute: ["minute", "minutes"], hour: ["hour", "hours"], day: ["day", "days"],
      week: ["week", "weeks"], month: ["month", "months"], quarter: ["quarter", "quarters"], year: ["year", "years"] },
    short: { second: ["sec.", "sec."], minute: ["min.", "min."], hour: ["hr.", "hr."], day: ["day", "days"],
      week: ["wk.", "wk."], month: ["mo.", "mo."], quarter: ["qtr.", "qtrs."], year: ["yr.", "yr."] },
    narrow: { second: ["s", "s"], minute: ["m", "m"], hour: ["h", "h"], day: ["d", "d"], week: ["w", "w"],
      month: ["mo", "mo"], quarter: ["q", "q"], year: ["y", "y"] },
  };
  // numeric: "auto": the words for -1, 0 and 1
  const RELATIVE_WORDS = {
    __proto__: null,
    second: [null, "now", null], minute: [null, "this minute", null], hour: [null, "this hour", null],
    day: ["yesterday", "today", "tomorrow"], week: ["last week", "this week", "next week"],
    month: ["last month", "this month", "next month"], quarter: ["last quarter", "this quarter", "next quarter"],
    year: ["last year", "this year", "next year"],
  };
  const RELATIVE_WORDS_SHORT = {
    __proto__: null,
    week: ["last wk.", "this wk.", "next wk."], month: ["last mo.", "this mo.", "next mo."],
    quarter: ["last qtr.", "this qtr.", "next qtr."], year: ["last yr.", "this yr.", "next yr."],
  };
  class RelativeTimeFormat {
    constructor(locales = undefined, options = undefined) {
      const locale = resolveLocale(locales);
      options = toOptions(options);
      checkLocaleMatcher(options, RTF);
      checkNumberingSystem(options, RTF);
      const o = { __proto__: null, locale };
      o.style = getString(options, "style", ["long", "short", "narrow"], "long", RTF);
      o.numeric = getString(options, "numeric", ["always", "auto"], "always", RTF);
      o.number = resolveNumberOptions("en-US", undefined, NF);
      weakSet(RELATIVE_FORMATS, this, o);
    }
    format(value, unit) {
      return joinParts(relativeParts(relativeOf(this, "format"), value, unit, "format"));
    }
    formatToParts(value, unit) {
      return relativeParts(relativeOf(this, "formatToParts"), value, unit, "formatToParts");
    }
    resolvedOptions() {
      const o = relativeOf(this, "resolvedOptions");
      return { locale: o.locale, style: o.style, numeric: o.numeric, numberingSystem: "latn" };
    }
    static supportedLocalesOf(locales, options = undefined) {
      return supportedLocalesOf(locales, options);
    }
  }
  defineProperty(RelativeTimeFormat.prototype, Symbol.toStringTag, { value: "Intl.RelativeTimeFormat", configurable: true });
  function relativeOf(rtf, method) {
    const o = rtf !== null && typeof rtf === "object" ? weakGet(RELATIVE_FORMATS, rtf) : undefined;
    if (o === undefined) throw new TypeErrorCtor(`Method Intl.RelativeTimeFormat.prototype.${method} called on incompatible receiver ${receiverName(rtf)}`);
    return o;
  }
  function relativeParts(o, value, unit, method) {
    value = NumberCtor(value);
    unit = `${unit}`;
    if (!isFiniteFn(value)) throw new RangeErrorCtor(`Value need to be finite number for Intl.RelativeTimeFormat.prototype.${method}()`);
    let singular = unit;
    if (unit.length > 1 && unit[unit.length - 1] === "s") singular = strSlice(unit, 0, -1);
    const names = RELATIVE_UNITS[o.style][singular];
    if (names === undefined) throw new RangeErrorCtor(`Invalid unit argument for Intl.RelativeTimeFormat.prototype.${method}() '${unit}'`);
    const negative = value < 0 || (value === 0 && 1 / value < 0);
    if (o.numeric === "auto" && (value === 0 || value === 1 || value === -1)) {
      const words = (o.style !== "long" && RELATIVE_WORDS_SHORT[singular]) || RELATIVE_WORDS[singular];
      const word = words[value === 0 ? 1 : value + 1];
      if (word !== null) return [{ type: "literal", value: word }];
    }
    const numberParts_ = numberParts(o.number, mathAbs(value));
    const one = joinParts(numberParts_) === "1";
    const name = names[one ? 0 : 1];
    const space = o.style === "narrow" ? "" : " ";
    const parts = [];
    if (!negative) arrayPush(parts, { type: "literal", value: "in " });
    for (let i = 0; i < numberParts_.length; i++) {
      arrayPush(parts, { type: numberParts_[i].type, value: numberParts_[i].value, unit: singular });
    }
    arrayPush(parts, { type: "literal", value: space + name + (negative ? " ago" : "") });
    return parts;
  }

  // -- what is not provided --------------------------------------------------------------------------
  function notAvailable(name) {
    const f = {
      [name]: function () {
        throw new TypeErrorCtor(`Intl.${name} is not available in candor`);
      },
    }[name];
    return f;
  }

  const Intl = {};
  methods(Intl, {
    Collator, DateTimeFormat, ListFormat, NumberFormat, PluralRules, RelativeTimeFormat,
    DisplayNames: notAvailable("DisplayNames"),
    Locale: notAvailable("Locale"),
    Segmenter: notAvailable("Segmenter"),
    getCanonicalLocales(locales) {
      return localeList(locales);
    },
    supportedValuesOf(key) {
      throw new RangeErrorCtor(`Intl.supportedValuesOf is not available in candor (${StringCtor(key)})`);
    },
  }, "Intl");
  for (const C of [NumberFormat, DateTimeFormat, Collator]) {
    defineProperty(C.prototype, "constructor", { value: C, writable: true, configurable: true });
  }

  // -- the builtins bootstrap.js routes here -----------------------------------------------------------
  function thisNumber(v, method) {
    try {
      return numberValueOf(v);
    } catch (_) {
      throw new TypeErrorCtor(`Number.prototype.${method} requires that 'this' be a Number`);
    }
  }
  function thisBigInt(v) {
    try {
      return bigintValueOf(v);
    } catch (_) {
      throw new TypeErrorCtor("BigInt.prototype.toLocaleString requires that 'this' be a BigInt");
    }
  }
  const TURKIC = { __proto__: null, tr: true, az: true, lt: true };
  /** toLocaleUpperCase/LowerCase with a locale: the same as without, but for tr, az and lt. */
  function caseMap(s, locales, upper) {
    if (s === null || s === undefined) throw new TypeErrorCtor("String.prototype.toLocaleUpperCase called on null or undefined");
    s = `${isStringObject(s) ? stringValueOf(s) : s}`;
    const list = localeList(locales);
    if (list.length > 0) {
      const language = strSplit(list[0], "-")[0];
      if (TURKIC[language] === true) {
        throw unsupported(`locale ${jsonStringify(list[0])} has case mappings of its own`);
      }
    }
    return upper ? strToUpper(s) : strToLower(s);
  }
  /** Array.prototype.toLocaleString and %TypedArray%'s with a locale or options. */
  function list(array, locales, options) {
    const o = ObjectCtor(array);
    const n = o.length >>> 0;
    let s = "";
    for (let i = 0; i < n; i++) {
      if (i > 0) s += ",";
      const v = o[i];
      if (v !== null && v !== undefined) s += `${v.toLocaleString(locales, options)}`;
    }
    return s;
  }

  return {
    Intl,
    number: (v, locales, options) => formatNumber(thisNumber(v, "toLocaleString"), locales, options),
    bigint: (v, locales, options) => formatNumber(thisBigInt(v), locales, options),
    date: formatDate,
    compare,
    caseMap,
    list,
  };
})
