// Parse prices typed by users in either "1234.5" or European "1234,5" form.
function parseStrict(text) {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new SyntaxError(`not a plain decimal: ${text}`);
  return Number(text);
}

function parsePrice(text) {
  try {
    return parseStrict(text);
  } catch {
    return Number(text.replace(",", "."));
  }
}

const prices = ["19.99", "4,50", "1200", "0,99"].map(parsePrice);
console.log("prices:", prices.join(" "));
console.log(`sum: ${prices.reduce((a, b) => a + b, 0).toFixed(2)}`);
