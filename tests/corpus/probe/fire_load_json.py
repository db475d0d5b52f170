import json


def load(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return {}


print(load('{"a": 1}'))
