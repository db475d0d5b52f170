# an uncaught exception raised from another: the last stderr line is the outer one
class ConfigError(Exception):
    pass

def load():
    try:
        return {}["key"]
    except KeyError as exc:
        raise ConfigError("key missing in config") from exc

load()
