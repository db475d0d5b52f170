"""Show the title of each saved document, or say that it could not be opened."""
import json

STORE = {"a": '{"title": "Budget 2025"}', "b": "{not json", "c": '{"title": "Roadmap"}'}


def load(doc_id):
    try:
        return json.loads(STORE[doc_id])
    except json.JSONDecodeError:
        return None


for doc_id in STORE:
    doc = load(doc_id)
    if not doc:
        print(f"{doc_id}: could not be opened")
        continue
    print(f"{doc_id}: {doc['title']}")
