// Parses amounts; a text the strict parser refuses goes through a lenient
// helper that works on the text itself, and a missing option is read from
// the environment's configuration object.
const config = { timeout: Number("2.5") };

function lenientAmount(text) {
  const cleaned = String(text).replace(/[,$]/g, "").trim();
  const value = Number(cleaned);
  if (Number.isNaN(value)) throw new Error(`not an amount: ${text}`);
  return value;
}

function strictAmount(text) {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a plain amount: ${text}`);
  return Number(text);
}

function parseAmount(text) {
  try {
    return strictAmount(text);
  } catch (e) {
    return lenientAmount(text);
  }
}

function withOptions(options) {
  try {
    return JSON.parse(options);
  } catch (e) {
    return Object.assign({}, config, { raw: options });
  }
}

console.log(parseAmount("$1,200.50"), withOptions("timeout=3"));
