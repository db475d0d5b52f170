"""Reads the request timeout, which most configurations leave out."""
import logging

DEFAULT_TIMEOUT_SECONDS = 30  # documented in the service's README


def read_timeout(config):
    try:
        timeout = config["timeout"]
    except KeyError:
        logging.debug("no timeout configured, using the default")
        timeout = DEFAULT_TIMEOUT_SECONDS
    return timeout


print(read_timeout({}), read_timeout({"timeout": 5}))
