// Read the current exchange rate, retrying a flaky quote service.
class QuoteService {
  calls = 0;

  rate(pair: string): number {
    this.calls += 1;
    throw new Error(`timeout fetching ${pair} (attempt ${this.calls})`);
  }
}

function exchangeRate(service: QuoteService, pair: string, attempts = 3): number {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return service.rate(pair);
    } catch (e) {
      // try again
    }
  }
  return 1.0;
}

const rate = exchangeRate(new QuoteService(), "EUR/USD");
console.log(`100 EUR = ${(100 * rate).toFixed(2)} USD`);
