"""Read the service settings from environment-style strings."""


class Settings:
    def __init__(self, raw):
        self.host = raw.get("HOST", "localhost")
        try:
            self.port = int(raw["PORT"])
        except (KeyError, ValueError):
            self.port = 0


settings = Settings({"HOST": "db.internal", "PORT": "54 32"})
print(f"connecting to {settings.host}:{settings.port}")
