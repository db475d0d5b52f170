"""Drain a work queue without blocking."""
import queue

work = queue.Queue()
for n in range(4):
    work.put(n * n)

done = []
while True:
    try:
        item = work.get_nowait()
    except queue.Empty:
        break
    done.append(item)
print("processed:", done)
