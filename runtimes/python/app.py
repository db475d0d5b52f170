"""candor's Python guest: runs one snippet per component instance.

The host calls ``run`` with a JSON request and receives a JSON status; the
snippet's stdout and stderr go to WASI stdio, which the host captures, and
detection facts stream to the host through the imported ``emit``.

The snippet runs in this interpreter and can reach this module. Everything the
harness uses once the snippet ran was taken when the component was built
(``candor_guard`` explains how), and what the snippet changed of the harness
is reported in the status as tampering. The status also counts the facts the
harness sent, so that the host can tell facts the snippet sent itself.
"""

import atexit
import builtins
import json
import linecache
import os
import random
import re
import sys
import traceback

import preload  # noqa: F401  (the standard library snippets can import)
import candor_stdlib
import wit_world

import candor_asyncio  # noqa: F401  (asyncio.run without a socket pair)
import candor_blocking  # noqa: F401  (waits nothing can end fail clearly)
import candor_network  # noqa: F401  (network calls say there is no network)
import candor_traceback  # noqa: F401  (deep recursion's traceback prints in time)
import candor_guard
import candor_monitor
import candor_static

# every other pure-Python module of the standard library, imported on demand
candor_stdlib.install()

RUNTIME_NAME = "cpython"
RUNTIME_VERSION = sys.version.split()[0]

# taken at build time: what the snippet does to these modules changes nothing here
_emit = wit_world.emit
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


class _Channel:
    """The harness's way to the host: sends a fact (a dict) as JSON, numbered
    (`seq`, from 1), and counts. The host takes a fact out of sequence for one
    the snippet sent itself (with `wit_world.emit`). The channel takes facts
    only from the harness's own code: the snippet can reach it (through the
    monitor), and what it tries to send is refused and counted."""

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


def _print_uncaught(error, filename):
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


def _exit_code(error):
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


def _prepare(request):
    os.environ.clear()
    os.environ.update(request.get("env") or {})
    sys.argv = [request["filename"], *(request.get("argv") or [])]
    if request.get("deterministic"):
        random.seed(0)
    else:
        # the interpreter was snapshotted at build time, seed included: reseed
        # from the host's entropy so that runs do not repeat one sequence
        random.seed()
    # the scratch directory is `/`; the check spares a chdir, which costs
    # several file-system calls, when the snapshot already stands there
    if os.getcwd() != "/":
        try:
            os.chdir("/")
        except OSError:
            pass


def _reraising(source, filename, targets):
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


def _execute(request, send):
    filename = request["filename"]
    source = request["code"]
    if source.startswith("\ufeff"):
        # python3 reads a UTF-8 byte order mark as the encoding, not as text;
        # positions count from after it
        source = source[1:]
    detect = request.get("detect", True)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    send({"fact": "runtime", "name": RUNTIME_NAME, "version": RUNTIME_VERSION})
    monitor = None
    try:
        if detect:
            has_handlers = _HANDLER_LINE.search(source) is not None
            analysis = candor_static.Analysis(source, filename, has_handlers)
            for fact in analysis.facts():
                send(fact)
            code = analysis.code()
            monitor = candor_monitor.Monitor(send, analysis, code)
        elif request.get("reraise"):
            code = _reraising(source, filename, request["reraise"])
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
    exit_code = 0
    # facts sent from here on are the run's; a static fact after this one is forged
    send({"fact": "started"})
    if monitor is not None:
        monitor.start()
    try:
        exec(code, globals_)
    except SystemExit as error:
        exit_code = _exit_code(error)
    except BaseException as error:
        _print_uncaught(error, filename)
        exit_code = 1
    # the interpreter's shutdown, as python3 does it: the functions registered
    # with atexit run (an exception in one is printed and the others go on)
    try:
        _run_exitfuncs()
    except BaseException:
        pass
    # a trace or profile function the snippet left must not see the harness work
    _settrace(None)
    _setprofile(None)
    tampered = _stop_monitor(monitor) if monitor is not None else []
    if send.refused:
        plural = "s" if send.refused != 1 else ""
        tampered.append(f"the snippet sent {send.refused} fact{plural} through candor's channel")
    changed = _HARNESS.changes()
    if monitor is not None:
        changed += _MONITOR.changes()
    for label in changed:
        tampered.append(f"the snippet changed candor's harness ({label})")
    return {"exit_code": exit_code, "tampered": tampered}


class WitWorld(wit_world.WitWorld):
    def run(self, request: str) -> str:
        send = _Channel()
        try:
            req = json.loads(request)
            _prepare(req)
            status = _execute(req, send)
        except BaseException as error:  # a harness failure: report it, never hide it
            try:
                trace = "".join(_format_exception(error))
            except BaseException:
                trace = f"{candor_monitor._type_name(error)} (its traceback could not be printed)\n"
            status = {"exit_code": 1, "tampered": [], "harness_error": trace}
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        status["facts"] = send.sent
        return _encode(status)


candor_guard.pin_builtins(globals())

# the code that may send facts: this module's and the monitor's `_send`
_SENDERS = frozenset(
    [id(_execute.__code__), id(candor_monitor.Monitor._send.__code__)]
)

# a Protocol's subclass puts its real `__init__` in place on its first
# instance: done here, so that the snapshot below sees the class as it stays
WitWorld()

# what the harness relies on once the snippet ran, as it is now (at build
# time); the monitor's module only matters to a run it watched
_MONITOR = candor_guard.Snapshot()
_MONITOR.add_module(candor_monitor)
_HARNESS = candor_guard.Snapshot()
_HARNESS.add_module(candor_guard)
_HARNESS.add_module(sys.modules[__name__])  # last: no global of this module changes after it
