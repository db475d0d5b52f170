"""Serialise a payload with the fastest JSON library available."""
try:
    import orjson as jsonlib
except ImportError:
    import json as jsonlib

payload = {"id": 7, "tags": ["a", "b"]}
print("encoded:", jsonlib.dumps(payload))
