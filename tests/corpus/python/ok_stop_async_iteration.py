"""Read pages from an async paginated source until it is exhausted."""
import asyncio


async def pages():
    for number in range(1, 4):
        await asyncio.sleep(0)
        yield [f"item-{number}-{i}" for i in range(2)]


async def main():
    source = pages()
    collected = []
    while True:
        try:
            page = await anext(source)
        except StopAsyncIteration:
            break
        collected.extend(page)
    print(f"{len(collected)} items:", collected)


asyncio.run(main())
