# copyreg and marshal: a registered reducer, marshal round trips
import copy
import copyreg
import marshal
import pickle

class Celsius:
    def __init__(self, v):
        self.v = v

copyreg.pickle(Celsius, lambda c: (Celsius, (c.v + 0.5,)))
print(pickle.loads(pickle.dumps(Celsius(20))).v, copy.copy(Celsius(1)).v)
data = {"k": [1, 2.5, "s", b"b", None, True, (1, 2), {3}, 2**70]}
print(marshal.loads(marshal.dumps(data)) == data)
code = compile("40 + 2", "<m>", "eval")
print(eval(marshal.loads(marshal.dumps(code))))
