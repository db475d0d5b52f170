// Prices typed by shop owners; text that is no number is priced 0.
function parsePrice(text) {
  try {
    const value = Number.parseFloat(text);
    if (Number.isNaN(value)) throw new Error(`not a price: ${text}`);
    return value;
  } catch {
    return 0;
  }
}

console.log(parsePrice("2.50") + parsePrice("1.25"));
