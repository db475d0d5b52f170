"""Fetch exchange rates, retrying on connection errors."""
import time


class RatesApi:
    def latest(self):
        raise ConnectionError("rates.example.com: connection refused")


def fetch_rates(api, attempts=3):
    for attempt in range(attempts):
        try:
            return api.latest()
        except ConnectionError:
            time.sleep(0.001)


rates = fetch_rates(RatesApi())
print("rates:", rates)
