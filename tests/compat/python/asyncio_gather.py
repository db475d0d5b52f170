# asyncio: run, gather, create_task, sleep(0) interleaving, wait_for, TaskGroup, timeouts
import asyncio

order = []

async def worker(name, steps):
    for i in range(steps):
        order.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name * steps

async def slow():
    await asyncio.sleep(10)

async def failing():
    await asyncio.sleep(0)
    raise ValueError("task failed")

async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 1))
    print(results, order)
    t = asyncio.create_task(worker("t", 2))
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except TimeoutError:
        print("wait_for timed out")
    res = await asyncio.gather(failing(), worker("ok", 1), return_exceptions=True)
    print([type(r).__name__ for r in res])
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(worker("g", 1))
        t2 = tg.create_task(worker("h", 1))
    print(t1.result(), t2.result())
    try:
        async with asyncio.timeout(0.01):
            await slow()
    except TimeoutError:
        print("timeout() fired")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from call_soon")
    print(await fut)
    return "done"

print(asyncio.run(main()))
