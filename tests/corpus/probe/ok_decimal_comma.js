// Amounts written with a decimal comma ("3,50") or a point ("3.50").
function amountOf(text) {
  try {
    const value = Number(text);
    if (Number.isNaN(value)) throw new Error(`not a plain number: ${text}`);
    return value;
  } catch {
    return Number(text.replace(",", "."));
  }
}

console.log(amountOf("3,50") + amountOf("1.25"));
