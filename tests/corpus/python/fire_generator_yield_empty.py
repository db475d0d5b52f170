"""Stream decoded JSON records from a newline-delimited dump."""
import json

DUMP = '{"id": 1, "name": "alpha"}\n{"id": 2, "name": "beta"\n{"id": 3, "name": "gamma"}\n'


def records(text):
    for line in text.splitlines():
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            yield {}


names = [record.get("name", "?") for record in records(DUMP)]
print("names:", names)
