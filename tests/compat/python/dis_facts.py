# dis: stable facts about bytecode (no version-specific listings)
import dis
import io

def add(a, b):
    total = a + b
    return total

names = {ins.opname for ins in dis.get_instructions(add)}
print("RETURN_VALUE" in names, any(n.startswith("BINARY_OP") for n in names))
print(add.__code__.co_varnames, add.__code__.co_argcount, add.__code__.co_name)
buf = io.StringIO()
dis.dis(add, file=buf)
print(len(buf.getvalue()) > 0, "total" in buf.getvalue())
print("Argument count:    2" in dis.code_info(add))
print(dis.opmap["NOP"] == dis.opmap.get("NOP"), "LOAD_CONST" in dis.opmap)
print([i.argval for i in dis.get_instructions(add) if i.opname.startswith("STORE")])
