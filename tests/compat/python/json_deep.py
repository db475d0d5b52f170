# json: deeply nested data (the C encoder and decoder recurse) at depth 900
import json

depth = 900
value = []
for _ in range(depth):
    value = [value]
text = json.dumps(value)
print(len(text), text[:5], text[-5:])
back = json.loads(text)
n = 0
while back:
    back = back[0]
    n += 1
print("depth", n)
nested = {}
cur = nested
for i in range(depth):
    cur["k"] = {}
    cur = cur["k"]
print(len(json.dumps(nested)))
