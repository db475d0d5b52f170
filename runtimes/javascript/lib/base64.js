// `atob` and `btoa`: the engine's own base64, with node's checks and errors
// (the engine's messages differ, and node counts `=` its own way).
(function (env) {
  "use strict";
  const engineAtob = env.atob;
  const engineBtoa = env.btoa;
  const nodeError = env.nodeError;
  const DOMExceptionCtor = DOMException;
  const TypeErrorCtor = TypeError;
  const charCodeAt = Function.prototype.call.bind(String.prototype.charCodeAt);

  function missing() {
    return nodeError(TypeErrorCtor, "ERR_MISSING_ARGS", "The \"input\" argument must be specified");
  }
  const invalid = () => new DOMExceptionCtor("Invalid character", "InvalidCharacterError");
  // 1: base64 digit, 2: ASCII whitespace, 3: "="
  const KIND = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47) KIND[c] = 1;
    else if (c === 9 || c === 10 || c === 12 || c === 13 || c === 32) KIND[c] = 2;
    else if (c === 61) KIND[c] = 3;
  }

  function atob(input) {
    if (arguments.length === 0) throw missing();
    const s = `${input}`;
    let digits = "";
    let count = 0; // characters that are not whitespace
    let pads = 0;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = charCodeAt(s, i);
      const kind = c < 128 ? KIND[c] : 0;
      if (kind === 0) throw invalid();
      if (kind === 2) {
        digits += s.slice(start, i);
        start = i + 1;
        continue;
      }
      count++;
      if (kind === 3) {
        pads++;
        if (pads > 2) throw invalid();
      } else if (pads > 0) {
        throw invalid(); // "=" only at the end
      }
    }
    digits += s.slice(start);
    let rest = count % 4;
    if (rest === 0) rest = (count - pads) % 4;
    else if (pads > 0) throw invalid();
    if (rest === 1) {
      throw new DOMExceptionCtor("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
    }
    // the engine gets canonical base64: no whitespace, padded to a multiple of 4
    let body = pads > 0 ? digits.slice(0, digits.length - pads) : digits;
    while (body.length % 4 !== 0) body += "=";
    return engineAtob(body);
  }

  function btoa(input) {
    if (arguments.length === 0) throw missing();
    const s = `${input}`;
    for (let i = 0; i < s.length; i++) {
      if (charCodeAt(s, i) > 255) throw invalid();
    }
    return engineBtoa(s);
  }
  return { atob, btoa };
})
