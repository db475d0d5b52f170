# asyncio: producer/consumer over an asyncio.Queue, events, locks, semaphores, cancellation
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(q, out):
    while (item := await q.get()) is not None:
        out.append(item * item)
        q.task_done()
    q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 6), consumer(q, out))
    await q.join()
    print(out, q.empty())
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woken"
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await w)
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    log = []
    async def guarded(i):
        async with sem:
            async with lock:
                log.append(i)
            await asyncio.sleep(0)
    await asyncio.gather(*(guarded(i) for i in range(5)))
    print(log)
    async def forever():
        await asyncio.sleep(3600)
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    pq = asyncio.PriorityQueue()
    for p in [3, 1, 2]:
        pq.put_nowait((p, f"job{p}"))
    print([pq.get_nowait()[1] for _ in range(3)])

asyncio.run(main())
