"""Batch events from an in-memory queue: take up to N at a time without blocking."""
import queue

events = queue.Queue()
for n in range(7):
    events.put({"id": n, "type": "click" if n % 3 else "view"})


def take_batch(q, size):
    batch = []
    for _ in range(size):
        try:
            batch.append(q.get_nowait())
        except queue.Empty:
            break
    return batch


while batch := take_batch(events, 3):
    print("batch:", [e["id"] for e in batch])
