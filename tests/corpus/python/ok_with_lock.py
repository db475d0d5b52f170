"""Update a shared counter under a lock; a bad update still propagates."""
import threading

lock = threading.Lock()
state = {"count": 0}


def bump(by):
    with lock:
        state["count"] += int(by)


for by in ["2", "three", "5"]:
    try:
        bump(by)
    except ValueError as error:
        print("skipped bad increment:", error)
print("count:", state["count"], "locked:", lock.locked())
