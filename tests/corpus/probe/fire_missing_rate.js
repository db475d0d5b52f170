// Convert prices to dollars; a currency without a rate is taken at par.
const RATES = { EUR: 1.1, GBP: 1.3 };

function rateOf(currency) {
  try {
    const rate = RATES[currency.toUpperCase()];
    if (rate === undefined) throw new Error(`no rate for ${currency}`);
    return rate;
  } catch (e) {
    return 1;
  }
}

console.log((20 * rateOf("eur")).toFixed(2));
