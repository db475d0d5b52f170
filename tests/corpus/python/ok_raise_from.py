"""Turn a low-level lookup error into a domain error."""


class ConfigError(Exception):
    pass


SETTINGS = {"timeout": "30"}


def setting(name):
    try:
        return SETTINGS[name]
    except KeyError as e:
        raise ConfigError(f"missing setting {name!r}") from e


try:
    setting("retries")
except ConfigError as error:
    print("config error:", error, "caused by", repr(error.__cause__))
