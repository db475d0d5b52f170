# async language features: async generators, async comprehensions, async context managers, aclosing
import asyncio
import contextlib

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

@contextlib.asynccontextmanager
async def session(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)

class AsyncIter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return self.i * 10

async def main():
    print([i async for i in ticker(4)], [x async for x in AsyncIter() if x != 20])
    async with session("db") as s:
        print("using", s)
    async with contextlib.aclosing(ticker(10)) as t:
        async for i in t:
            if i == 2:
                break
    print(await asyncio.gather(*(asyncio.sleep(0, result=i) for i in range(3))))
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0, result="w"))])
    print(len(done), len(pending), [t.result() for t in done])

asyncio.run(main())
