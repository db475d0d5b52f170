# exec, eval, compile and runpy.run_path on a script the program writes
import runpy

ns = {}
exec("def sq(x):\n    return x * x\nresult = sq(7)", ns)
print(ns["result"], eval("sq(3) + 1", ns), eval("a * b", {"a": 6}, {"b": 7}))
code = compile("x + 1", "<expr>", "eval")
print(eval(code, {"x": 41}), code.co_filename)
with open("script.py", "w") as fh:
    fh.write("import sys\nOUT = [__name__, 40 + 2]\nif __name__ == '__main__':\n    OUT.append('as main')\n")
print(runpy.run_path("script.py")["OUT"], runpy.run_path("script.py", run_name="__main__")["OUT"])
try:
    exec("1 +")
except SyntaxError as exc:
    print("SyntaxError", exc.msg, exc.lineno)
