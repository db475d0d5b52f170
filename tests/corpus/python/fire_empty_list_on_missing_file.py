"""Load the task list from disk and print how many are pending."""
import json


def load_tasks(path):
    try:
        with open(path) as handle:
            return json.load(handle)
    except FileNotFoundError:
        return []


tasks = load_tasks("tasks.json")
pending = [t for t in tasks if not t.get("done")]
print(f"{len(pending)} pending tasks")
