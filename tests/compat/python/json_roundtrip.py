# json: dumps options, loads, custom encoder/decoder hooks, errors
import json
from decimal import Decimal

data = {"b": [1, 2.5, None, True], "a": {"nested": "é ✓"}, "c": ""}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.loads('{"x": [1, 2, {"y": null}]}'))
print(json.loads("1.10", parse_float=Decimal), json.loads('[1e400]'))

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda kv: kv))
for bad in ['{"a": }', "[1, 2", "", "nan?"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as exc:
        print("JSONDecodeError:", exc.msg, exc.lineno, exc.colno)
try:
    json.dumps(object())
except TypeError as exc:
    print("TypeError:", exc)
print(json.dumps(float("inf")), json.dumps("\u2028\x00"))
