"""Count website visits per country, logging addresses the geo database lacks."""
import logging

logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("geo")

GEO_DB = {"81.2.69.142": "GB", "216.160.83.56": "US"}
VISITS = ["81.2.69.142", "10.0.0.7", "216.160.83.56", "10.0.0.7"]

countries = {}
for ip in VISITS:
    try:
        countries[ip] = GEO_DB[ip]
    except KeyError:
        log.exception("geo lookup failed for %s", ip)
        countries[ip] = "N/A"
by_country = {}
for ip in VISITS:
    by_country[countries[ip]] = by_country.get(countries[ip], 0) + 1
print("visits by country:", by_country)
