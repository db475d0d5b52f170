"""Lets `asyncio.run` work in the sandbox.

asyncio's selector event loop opens a socket pair to wake itself from other
threads; WASI has no socket pair (and candor denies sockets), so creating any
event loop failed. A sandboxed snippet has no other thread to wake the loop
from, so the self-pipe is left out: timers, tasks, `gather` and `sleep` work.
"""

import asyncio.selector_events as _selector_events

_Loop = _selector_events.BaseSelectorEventLoop
_make_self_pipe = _Loop._make_self_pipe
_close_self_pipe = _Loop._close_self_pipe
_write_to_self = _Loop._write_to_self


def _make_self_pipe_or_none(self):
    try:
        _make_self_pipe(self)
    except OSError:
        self._ssock = self._csock = None
        self._internal_fds = getattr(self, "_internal_fds", 0)


def _close_self_pipe_if_any(self):
    if getattr(self, "_ssock", None) is not None:
        _close_self_pipe(self)


def _write_to_self_if_any(self):
    if getattr(self, "_csock", None) is not None:
        _write_to_self(self)


_Loop._make_self_pipe = _make_self_pipe_or_none
_Loop._close_self_pipe = _close_self_pipe_if_any
_Loop._write_to_self = _write_to_self_if_any
