"""Read numeric settings from a key = value config text."""

CONFIG = """
workers = 4
timeout = 2.5s
"""


def parse(text):
    return dict(line.split(" = ", 1) for line in text.strip().splitlines())


def setting(values, name):
    try:
        raw = values[name]
        return float(raw)
    except (KeyError, ValueError):
        return 1.0


values = parse(CONFIG)
for name in ["workers", "timeout", "retries", "backoff"]:
    print(f"{name}: {setting(values, name)}")
