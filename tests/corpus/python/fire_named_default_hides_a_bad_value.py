"""Reads the request timeout; a value that does not parse falls back too."""
DEFAULT_TIMEOUT_SECONDS = 30


def read_timeout(config):
    try:
        return int(config["timeout"])
    except (KeyError, ValueError):
        return DEFAULT_TIMEOUT_SECONDS


print(read_timeout({"timeout": "5s"}))
