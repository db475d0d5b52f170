"""Load the service configuration, falling back to defaults."""
import json

SAMPLE_CONFIG = {"host": "localhost", "port": 8080, "debug": True}

RAW = "{host: 'db.internal', port: 5432}"


def load_config(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return SAMPLE_CONFIG


config = load_config(RAW)
print(f"connecting to {config['host']}:{config['port']}")
