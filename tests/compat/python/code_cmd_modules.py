# code and cmd: an interactive interpreter fed source, a command processor fed commands
import cmd
import code
import io
import contextlib

interp = code.InteractiveInterpreter()
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    interp.runsource("x = 6 * 7")
    interp.runsource("print(x)")
print(repr(buf.getvalue()), interp.runsource("if True:"), interp.locals["x"])

class Shell(cmd.Cmd):
    prompt = ""
    def do_greet(self, arg):
        "Greet someone."
        print(f"hello {arg or 'nobody'}")
    def do_add(self, arg):
        print(sum(int(x) for x in arg.split()))
    def do_quit(self, arg):
        return True
    def default(self, line):
        print(f"unknown: {line}")

sh = Shell(stdin=io.StringIO("greet Ann\nadd 1 2 3\nfrobnicate\nquit\n"), stdout=io.StringIO())
sh.use_rawinput = False
sh.cmdloop()
print(sh.onecmd("greet"))
