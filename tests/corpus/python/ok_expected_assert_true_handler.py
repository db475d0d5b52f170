"""Checks for a read-only settings mapping: unknown keys must raise KeyError."""


class Settings:
    def __init__(self, **values):
        self._values = dict(values)

    def __getitem__(self, key):
        return self._values[key]


settings = Settings(host="localhost", port=8080)
assert settings["port"] == 8080
try:
    settings["password"]
    raise AssertionError("an unknown key should raise KeyError")
except KeyError:
    assert True
print("settings checks passed")
