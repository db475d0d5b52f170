# pickletools: disassembly and optimisation of a protocol-2 pickle
import io
import pickle
import pickletools

blob = pickle.dumps({"a": [1, 2], "b": ("x", None, True)}, protocol=2)
out = io.StringIO()
pickletools.dis(blob, out=out)
print(out.getvalue())
opt = pickletools.optimize(blob)
print(len(opt) <= len(blob), pickle.loads(opt))
print([op.name for op, arg, pos in pickletools.genops(pickle.dumps([1, "s"], protocol=2))])
