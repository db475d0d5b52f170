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

import builtins
import atexit
import linecache
import re
import sys
import time
import traceback

import candor_guard
import candor_monitor
import candor_probe
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
_monotonic = time.monotonic

# A line that starts a `try` or `with` statement. Source without one has no
# handler to watch (`except` and `finally` need a `try`), so detection skips the
# parse and the rewrite (the monitor still runs, to notice tampering). A match
# inside a string literal only costs the full analysis.
_HANDLER_LINE = re.compile(r"(?:^|[\r\n])[ \t\f]*(?:try|with|async[ \t\f]+with)\b")

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
        calls = candor_probe.calls(source, globals_, explore)
        send({"fact": "probe_listed", "calls": len(calls)})
        state = candor_probe.ModuleState(globals_)
        budget = request.get("explore_budget_ms")
        deadline = None if budget is None else _monotonic() + budget / 1000
        for made, (label, function, arguments) in enumerate(calls):
            if deadline is not None and _monotonic() > deadline:
                send({"fact": "probe_stopped", "left": len(calls) - made})
                break
            try:
                values = arguments()
            except BaseException:
                # an input the snippet's own changes to builtins broke (a
                # replaced `float`): that call is not made
                continue
            code = getattr(getattr(function, "__wrapped__", function), "__code__", None)
            line = getattr(code, "co_firstlineno", None)
            send({"fact": "probe", "input": label, "line": line if type(line) is int else None})
            raised = returned = None
            try:
                result = function(*values)
            except BaseException as error:
                raised = candor_monitor._type_name(error)
            else:
                returned = candor_monitor._short_repr(result)
            send({"fact": "probe_end", "raised": raised, "returned": returned})
            try:
                state.restore()
            except BaseException:
                pass
        if state.shared():
            send({"fact": "probe_shared"})
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
