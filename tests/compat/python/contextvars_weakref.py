# contextvars and weakref: context isolation, weak references and finalizers (refcounting is prompt)
import contextvars
import gc
import weakref

request_id = contextvars.ContextVar("request_id", default="none")
def handler():
    return request_id.get()
ctx = contextvars.copy_context()
ctx.run(request_id.set, "req-1")
print(ctx.run(handler), handler(), request_id.name)
token = request_id.set("outer")
print(handler())
request_id.reset(token)
print(handler(), len(list(ctx.items())))

class Node:
    def __init__(self, name):
        self.name = name

n = Node("a")
r = weakref.ref(n)
print(r() is n, r().name)
fin = weakref.finalize(n, print, "finalized a")
del n
print(r() is None, fin.alive)
cache = weakref.WeakValueDictionary()
x = Node("x")
cache["x"] = x
print(list(cache.keys()))
del x
gc.collect()
print(list(cache.keys()))
ws = weakref.WeakSet()
y = Node("y")
ws.add(y)
print(len(ws))
del y
print(len(ws))
proxy_target = Node("temp")
prx = weakref.proxy(proxy_target)
print(prx.name)
del proxy_target
try:
    prx.name
except ReferenceError:
    print("ReferenceError")
