# a large JSON document: build, dump, load and summarise about 2 MB
import json

doc = {"rows": [{"id": i, "name": f"row-{i}", "tags": [i % 7, i % 11], "value": i / 3} for i in range(30000)]}
text = json.dumps(doc)
print(len(text))
back = json.loads(text)
print(len(back["rows"]), back["rows"][12345], sum(r["tags"][0] for r in back["rows"]))
print(json.dumps(back["rows"][-1], sort_keys=True))
