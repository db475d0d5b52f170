"""How both Python harnesses run one request: the default runtime's
(``app.py``) and the python-data runtime's (``runtimes/python_data/runner.py``).

``execute`` compiles the snippet under the static analysis (``candor_static``),
runs it as ``__main__`` under the monitor (``candor_monitor``), runs its atexit
functions as python3's shutdown does, and returns the status: the exit code
python3 would give, and what the snippet changed of the harness. Facts reach
the host through a ``Channel``, which takes them only from the harness's own
code. What differs between the harnesses (how facts leave, how the run is
prepared, the pandas lens) is theirs; ``configure`` is called once, at their
import, before their snapshot of this module is taken.
"""

import ast
import builtins
import atexit
import linecache
import re
import sys
import traceback

import candor_guard
import candor_monitor
import candor_static

# taken at import: what the snippet does to these modules changes nothing here
_encode = candor_guard.encode
_format_exception = traceback.format_exception
_format_exception_only = traceback.format_exception_only
_settrace = sys.settrace
_setprofile = sys.setprofile
_stop_monitor = candor_monitor.Monitor.stop
_int_and = int.__and__
_int_repr = int.__repr__
_getframe = sys._getframe
_modules = sys.modules
_run_exitfuncs = atexit._run_exitfuncs
_module_type = type(sys)

# A line that starts a `try` or `with` statement. Source without one has no
# handler to watch (`except` and `finally` need a `try`), so detection skips the
# parse and the rewrite (the monitor still runs, to notice tampering). A match
# inside a string literal only costs the full analysis.
_HANDLER_LINE = re.compile(r"(?:^|[\r\n])[ \t\f]*(?:try|with|async[ \t\f]+with)\b")

# The inputs a probe gives each parameter in turn (Python source): empty and
# blank text, text that is no number, no JSON and no date, None, zero, negative
# and huge numbers, NaN and infinity, empty and odd containers.
_LADDER = (
    "''",
    "' '",
    "'x'",
    "'\u00e9'",
    "'-1'",
    "'{\"a\": 1'",
    "'2024-13-45'",
    "None",
    "0",
    "-1",
    "2**63",
    "float('nan')",
    "float('inf')",
    "[]",
    "[None]",
    "{}",
    "{'': None}",
)

# set once by `configure`: how a fact leaves, and the code that may send one
_emit = None
_SENDERS = frozenset()


def configure(emit, senders):
    """Sets how facts leave (``emit(text)``) and the code objects, besides
    ``execute``'s and the monitor's ``_send``, that may send them. Once."""
    global _emit, _SENDERS
    if _emit is not None:
        raise RuntimeError("candor_run is configured already")
    _emit = emit
    _SENDERS = frozenset(
        [id(execute.__code__), id(candor_monitor.Monitor._send.__code__)]
        + [id(code) for code in senders]
    )


class Channel:
    """The harness's way to the host: sends a fact (a dict) as JSON, numbered
    (`seq`, from 1), and counts. The host takes a fact out of sequence for one
    the snippet sent itself. The channel takes facts only from the harness's
    own code: the snippet can reach it (through the monitor), and what it
    tries to send is refused and counted."""

    __slots__ = ("sent", "refused")

    def __init__(self):
        self.sent = 0
        self.refused = 0

    def __call__(self, fact):
        if id(_getframe(1).f_code) not in _SENDERS:
            self.refused += 1
            return
        self.sent += 1
        _emit('{"seq":' + _int_repr(self.sent) + "," + _encode(fact)[1:])


def print_uncaught(error, filename):
    """Prints an uncaught exception like python3 does, without the harness's frames."""
    try:
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != filename:
            tb = tb.tb_next
        text = "".join(_format_exception(type(error), error, tb))
    except BaseException:  # an exception (or a traceback module) the snippet broke
        text = f"{candor_monitor._type_name(error)}: <the traceback could not be printed>\n"
    try:
        sys.stderr.write(text)
    except BaseException:
        pass


def harness_failure(error):
    """The status of a run the harness itself failed: its traceback, never hidden."""
    try:
        trace = "".join(_format_exception(error))
    except BaseException:
        trace = f"{candor_monitor._type_name(error)} (its traceback could not be printed)\n"
    return {"exit_code": 1, "tampered": [], "harness_error": trace}


def exit_code(error):
    """The process exit status python3 would give for SystemExit(error.code)."""
    code = error.code
    if code is None:
        return 0
    if issubclass(type(code), int):
        # the value itself, not what an int subclass's `&` says
        return _int_and(code, 0xFF)
    try:
        sys.stderr.write(f"{code}\n")
    except BaseException:
        pass
    return 1


def reraising(source, filename, targets):
    """The snippet compiled with the handlers at ``targets`` re-raising.

    A strict re-run (``--strict``) makes every handler that swallowed an
    exception in the first run raise it again, first thing, to show what the
    error would have done. ``targets`` holds ``[line, column]`` pairs: a
    handler's own position (its ``except``), or a value inside one, which
    names the innermost handler around it. Lines and columns do not move."""
    import ast

    tree = ast.parse(source, filename)
    handlers = [node for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)]
    chosen = set()
    for line, column in targets:
        exact = [h for h in handlers if h.lineno == line and h.col_offset + 1 == column]
        around = [
            h
            for h in handlers
            if h.body
            and (h.body[0].lineno, h.body[0].col_offset) <= (line, column - 1)
            and (line, column - 1) < (h.end_lineno, h.end_col_offset)
        ]
        found = exact or sorted(around, key=lambda h: (h.lineno, h.col_offset))[-1:]
        chosen.update(id(h) for h in found)
    for handler in handlers:
        if id(handler) in chosen:
            handler.body.insert(0, ast.copy_location(ast.Raise(), handler.body[0]))
    return compile(tree, filename, "exec", dont_inherit=True)


def _probe_calls(source, globals_, most):
    """The calls a probe makes: (the call as source, the function, its
    arguments as source), at most `most`. Each top-level function the snippet
    defines (not `_private`, not a method) is called with one argument at a
    time taken from the ladder, the others as the snippet's own first call of
    it gives them (literals only), else `'a'`."""
    tree = ast.parse(source)
    functions = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
            continue
        function = globals_.get(node.name)
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        if not callable(function) or params[:1] in (["self"], ["cls"]):
            continue
        functions[node.name] = (function, len(params) - len(node.args.defaults))
    given = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in functions
            and node.func.id not in given
            and not node.keywords
        ):
            try:
                for arg in node.args:
                    ast.literal_eval(arg)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
            segments = [ast.get_source_segment(source, arg) for arg in node.args]
            if all(segments):
                given[node.func.id] = segments
    calls = []
    for name, (function, required) in functions.items():
        base = given.get(name, [])
        base = base + ["'a'"] * (required - len(base))
        if not base:
            calls.append((f"{name}()", function, []))
        for i in range(len(base)):
            for value in _LADDER:
                args = list(base)
                args[i] = value
                calls.append((f"{name}({', '.join(args)})", function, args))
    return calls[:most]


def execute(request, send, runtime, guards, lens=None):
    """Runs the snippet of ``request``; its status. ``runtime`` is the
    (name, version) the report gives; ``guards`` the harness's snapshots
    (the harness's own, the monitor's), checked at the end; ``lens``, when
    detection is on, watches a library besides (``install(send, filename,
    source)`` before the snippet, ``finish(send, filename)`` after it, which
    returns what the snippet changed of it)."""
    filename = request["filename"]
    source = request["code"]
    if source.startswith("\ufeff"):
        # python3 reads a UTF-8 byte order mark as the encoding, not as text;
        # positions count from after it
        source = source[1:]
    detect = request.get("detect", True)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    send({"fact": "runtime", "name": runtime[0], "version": runtime[1]})
    monitor = None
    try:
        if detect:
            has_handlers = _HANDLER_LINE.search(source) is not None
            analysis = candor_static.Analysis(source, filename, has_handlers)
            for fact in analysis.facts():
                send(fact)
            monitor = candor_monitor.Monitor(send, analysis)
            code = monitor.code
        elif request.get("reraise"):
            code = reraising(source, filename, request["reraise"])
        else:
            code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        sys.stderr.write("".join(_format_exception_only(type(error), error)))
        return {"exit_code": 1, "tampered": []}

    # the snippet's module is `__main__`, as a script's is in python3: doctest,
    # unittest, pickle, timeit and inspect look for it there
    main = _module_type("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    main.__spec__ = None
    main.__loader__ = None
    main.__package__ = None
    _modules["__main__"] = main
    globals_ = main.__dict__
    status = 0
    # facts sent from here on are the run's; a static fact after this one is forged
    send({"fact": "started"})
    if monitor is not None:
        if lens is not None:
            lens.install(send, filename, source)
        monitor.start()
    try:
        exec(code, globals_)
    except SystemExit as error:
        status = exit_code(error)
    except BaseException as error:
        print_uncaught(error, filename)
        status = 1
    explore = request.get("explore")
    if explore and status == 0:
        # a probe run: the snippet's functions, called with edge-case inputs
        # under the monitor; what fires is told apart by the probe facts
        # a failure to list the calls is the harness's, and is reported as one
        calls = _probe_calls(source, globals_, explore)
        for label, function, args in calls:
            try:
                values = [eval(arg, {"__builtins__": builtins}) for arg in args]
            except BaseException:
                # an input the snippet's own changes to builtins broke (a
                # replaced `float`): that call is not made
                continue
            send({"fact": "probe", "input": label})
            raised = None
            try:
                function(*values)
            except BaseException as error:
                raised = candor_monitor._type_name(error)
            send({"fact": "probe_end", "raised": raised})
    # the interpreter's shutdown, as python3 does it: the functions registered
    # with atexit run (an exception in one is printed and the others go on)
    try:
        _run_exitfuncs()
    except BaseException:
        pass
    # a trace or profile function the snippet left must not see the harness work
    _settrace(None)
    _setprofile(None)
    tampered = []
    if monitor is not None:
        if lens is not None:
            tampered += lens.finish(send, filename)
        tampered += _stop_monitor(monitor)
    if send.refused:
        plural = "s" if send.refused != 1 else ""
        tampered.append(f"the snippet sent {send.refused} fact{plural} through candor's channel")
    harness, monitor_guard = guards
    changed = harness.changes()
    if monitor is not None:
        changed += monitor_guard.changes()
    for label in changed:
        tampered.append(f"the snippet changed candor's harness ({label})")
    return {"exit_code": status, "tampered": tampered}


def flush_stdio():
    """Flushes the snippet's stdout and stderr, whatever it did to them."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass


candor_guard.pin_builtins(globals())
