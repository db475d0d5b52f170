# threading and queue without a second thread: locks, events, thread-locals, queues
import queue
import threading

lock = threading.Lock()
with lock:
    print(lock.locked())
print(lock.locked(), lock.acquire(blocking=False), lock.acquire(blocking=False))
lock.release()
rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")
ev = threading.Event()
print(ev.is_set(), ev.wait(timeout=0))
ev.set()
print(ev.wait(timeout=0))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
local = threading.local()
local.value = 42
print(local.value)
cond = threading.Condition()
with cond:
    print(cond.wait(timeout=0.001))
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), [q.get_nowait() for _ in range(3)], q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [2, 9, 1]:
    lq.put(x)
    pq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
bq = queue.Queue(maxsize=1)
bq.put("x")
try:
    bq.put_nowait("y")
except queue.Full:
    print("Full")
sq = queue.SimpleQueue()
sq.put(1)
print(sq.get())
