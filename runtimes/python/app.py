"""candor's Python guest: runs one snippet per component instance.

The host calls ``run`` with a JSON request and receives a JSON status; the
snippet's stdout and stderr go to WASI stdio, which the host captures, and
detection facts stream to the host through the imported ``emit``. How the
snippet is run is ``candor_run``'s, which the python-data runtime's harness
shares; what is this module's is the interface and how a run is prepared.

The snippet runs in this interpreter and can reach this module. Everything the
harness uses once the snippet ran was taken when the component was built
(``candor_guard`` explains how), and what the snippet changed of the harness
is reported in the status as tampering. The status also counts the facts the
harness sent, so that the host can tell facts the snippet sent itself.
"""

import json
import os
import random
import sys

import preload  # noqa: F401  (the standard library snippets can import)
import candor_stdlib
import wit_world

import candor_asyncio  # noqa: F401  (asyncio.run without a socket pair)
import candor_blocking  # noqa: F401  (waits nothing can end fail clearly)
import candor_network  # noqa: F401  (network calls say there is no network)
import candor_traceback  # noqa: F401  (deep recursion's traceback prints in time)
import candor_guard
import candor_monitor
import candor_run

# every other pure-Python module of the standard library, imported on demand
candor_stdlib.install()

RUNTIME_NAME = "cpython"
RUNTIME_VERSION = sys.version.split()[0]

# taken at build time: what the snippet does to these modules changes nothing here
_encode = candor_guard.encode


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


class WitWorld(wit_world.WitWorld):
    def run(self, request: str) -> str:
        send = candor_run.Channel()
        try:
            req = json.loads(request)
            _prepare(req)
            status = candor_run.execute(req, send, _RUNTIME, _GUARDS)
        except BaseException as error:  # a harness failure: report it, never hide it
            status = candor_run.harness_failure(error)
        candor_run.flush_stdio()
        status["facts"] = send.sent
        return _encode(status)


candor_guard.pin_builtins(globals())

# facts leave through the imported `emit`; the code that may send them is
# candor_run's and the monitor's
candor_run.configure(wit_world.emit, [])

_RUNTIME = (RUNTIME_NAME, RUNTIME_VERSION)

# a Protocol's subclass puts its real `__init__` in place on its first
# instance: done here, so that the snapshot below sees the class as it stays
WitWorld()

# what the harness relies on once the snippet ran, as it is now (at build
# time); the monitor's module only matters to a run it watched
_MONITOR = candor_guard.Snapshot()
_MONITOR.add_module(candor_monitor)
_HARNESS = candor_guard.Snapshot()
_HARNESS.add_module(candor_guard)
_HARNESS.add_module(candor_run)
_GUARDS = (_HARNESS, _MONITOR)
_HARNESS.add_module(sys.modules[__name__])  # last: no global of this module changes after it
