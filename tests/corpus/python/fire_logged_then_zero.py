"""Price each order line from the catalogue, logging unknown products."""
import logging

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
log = logging.getLogger("pricing")

CATALOGUE = {"pen": 1.20, "ink": 6.50}
ORDER = [("pen", 10), ("paper", 2), ("ink", 1)]


def unit_price(sku):
    try:
        return CATALOGUE[sku]
    except KeyError as error:
        log.warning("unknown product %s", error)
        return 0.0


total = sum(unit_price(sku) * qty for sku, qty in ORDER)
print(f"order total: {total:.2f}")
