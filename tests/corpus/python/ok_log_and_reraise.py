"""Load a config value, logging before re-raising."""
import logging

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("config")


def get_port(config):
    try:
        return int(config["port"])
    except (KeyError, ValueError):
        log.exception("bad port in config %r", config)
        raise


try:
    get_port({"host": "db"})
except KeyError as error:
    print("missing key:", error)
