"""Fetch dashboards with coroutines, driven by a tiny scheduler."""


class Timeout(Exception):
    pass


async def fetch(name):
    if name == "sales":
        raise Timeout(f"{name} took too long")
    return {"name": name, "widgets": [1, 2, 3]}


async def load(name):
    try:
        return await fetch(name)
    except Timeout:
        return {"name": name, "widgets": []}


def run(coro):
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    raise RuntimeError("the coroutine suspended; this scheduler cannot resume it")


for name in ["ops", "sales"]:
    board = run(load(name))
    print(board["name"], len(board["widgets"]), "widgets")
