"""candor's Python guest: runs one snippet per component instance.

The host calls ``run`` with a JSON request and receives a JSON status; the
snippet's stdout and stderr go to WASI stdio, which the host captures, and
detection facts stream to the host through the imported ``emit``.
"""

import builtins
import json
import linecache
import os
import random
import re
import sys
import traceback

import preload  # noqa: F401  (the standard library snippets can import)
import wit_world

import candor_asyncio  # noqa: F401  (asyncio.run without a socket pair)
import candor_blocking  # noqa: F401  (waits nothing can end fail clearly)
import candor_monitor
import candor_static

RUNTIME_NAME = "cpython"

# A line that starts a `try` or `with` statement. Source without one has no
# handler to watch (`except` and `finally` need a `try`), so detection skips the
# parse and the rewrite (the monitor still runs, to notice tampering). A match
# inside a string literal only costs the full analysis.
_HANDLER_LINE = re.compile(r"(?:^|[\r\n])[ \t\f]*(?:try|with|async[ \t\f]+with)\b")


def _print_uncaught(error, filename):
    """Prints an uncaught exception like python3 does, without the harness's frames."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    lines = traceback.format_exception(type(error), error, tb)
    sys.stderr.write("".join(lines))


def _exit_code(error):
    """The process exit status python3 would give for SystemExit(error.code)."""
    code = error.code
    if code is None:
        return 0
    if isinstance(code, bool):
        return int(code)
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(f"{code}\n")
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


def _execute(request, emit):
    filename = request["filename"]
    source = request["code"]
    if source.startswith("\ufeff"):
        # python3 reads a UTF-8 byte order mark as the encoding, not as text;
        # positions count from after it
        source = source[1:]
    detect = request.get("detect", True)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    emit(
        json.dumps(
            {"fact": "runtime", "name": RUNTIME_NAME, "version": sys.version.split()[0]}
        )
    )
    monitor = None
    try:
        if detect:
            has_handlers = _HANDLER_LINE.search(source) is not None
            analysis = candor_static.Analysis(source, filename, has_handlers)
            for fact in analysis.facts():
                emit(json.dumps(fact))
            code = analysis.code()
            monitor = candor_monitor.Monitor(emit, analysis)
        else:
            code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        sys.stderr.write("".join(traceback.format_exception_only(type(error), error)))
        return {"exit_code": 1, "tampered": []}

    globals_ = {
        "__name__": "__main__",
        "__file__": filename,
        "__builtins__": builtins,
        "__doc__": None,
    }
    exit_code = 0
    if monitor is not None:
        monitor.start()
    try:
        exec(code, globals_)
    except SystemExit as error:
        exit_code = _exit_code(error)
    except BaseException as error:
        _print_uncaught(error, filename)
        exit_code = 1
    tampered = monitor.stop() if monitor is not None else []
    return {"exit_code": exit_code, "tampered": tampered}


class WitWorld(wit_world.WitWorld):
    def run(self, request: str) -> str:
        emit = wit_world.emit
        try:
            req = json.loads(request)
            _prepare(req)
            status = _execute(req, emit)
        except BaseException as error:  # a harness failure: report it, never hide it
            status = {
                "exit_code": 1,
                "tampered": [],
                "harness_error": "".join(traceback.format_exception(error)),
            }
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        return json.dumps(status)
