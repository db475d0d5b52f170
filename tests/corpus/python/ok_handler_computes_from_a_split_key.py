"""Looks a dotted key up in nested settings when it is not a flat key."""


def lookup(settings, key):
    try:
        return settings[key]
    except KeyError:
        parts = key.split(".")
        node = settings
        for part in parts:
            node = node[part]
        return node


settings = {"db": {"host": "localhost", "port": 5432}, "debug": False}
print(lookup(settings, "debug"), lookup(settings, "db.port"))
