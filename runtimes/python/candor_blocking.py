"""Waits that nothing can end fail with a clear error.

The sandbox runs one thread, and no signal or other process can reach it. A
wait for a lock the program holds itself, for a queue, event or condition only
another thread could fill or set, or for I/O on no file at all, lasts forever:
python3 hangs, and the WebAssembly build traps or is refused an empty poll. Such
a wait raises ``RuntimeError("deadlock: ...")`` instead, where it waits, and
starting a thread says that the sandbox has one.

A wait with a timeout still waits it out and gives up as python3 would.
"""

import _thread
import functools
import select
import selectors
import threading

_allocate_lock = _thread.allocate_lock
_select = select.select
_poll = select.poll


def _deadlock(what):
    return RuntimeError(f"deadlock: the program waits for {what}")


class Lock:
    """``threading.Lock`` for a program with one thread: acquiring it while it is
    held, without a timeout, is a deadlock."""

    __slots__ = ("_lock", "__weakref__")

    def __init__(self):
        self._lock = _allocate_lock()

    def acquire(self, blocking=True, timeout=-1):
        if blocking and timeout == -1 and self._lock.locked():
            raise _deadlock(
                "a lock it holds itself, or for a queue, event or condition that only "
                "another thread could fill or set (the sandbox runs one thread)"
            )
        return self._lock.acquire(blocking, timeout)

    def release(self):
        self._lock.release()

    def locked(self):
        return self._lock.locked()

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self._lock.release()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        state = "locked" if self._lock.locked() else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


def _no_thread(*args, **kwargs):
    raise RuntimeError("can't start new thread: the sandbox runs one thread")


@functools.wraps(_select)
def _select_or_deadlock(rlist, wlist, xlist, timeout=None):
    rlist, wlist, xlist = list(rlist), list(wlist), list(xlist)
    if timeout is None and not (rlist or wlist or xlist):
        raise _deadlock("I/O on no file and with no timeout (select of three empty lists)")
    return _select(rlist, wlist, xlist, timeout)


class _Poll:
    """``select.poll()`` that knows how many descriptors it watches: waiting with
    none and no timeout is a deadlock (asyncio's loop with nothing left to run)."""

    __slots__ = ("_poll", "_fds")

    def __init__(self):
        self._poll = _poll()
        self._fds = set()

    def register(self, fd, *mask):
        self._poll.register(fd, *mask)
        self._fds.add(fd if isinstance(fd, int) else fd.fileno())

    def modify(self, fd, mask):
        self._poll.modify(fd, mask)

    def unregister(self, fd):
        self._poll.unregister(fd)
        self._fds.discard(fd if isinstance(fd, int) else fd.fileno())

    def poll(self, timeout=None):
        if not self._fds and (timeout is None or timeout < 0):
            raise _deadlock(
                "an event nothing can trigger (no timer, no I/O and no other thread is left to wake it)"
            )
        return self._poll.poll(timeout)


threading.Lock = threading._allocate_lock = Lock
threading._start_joinable_thread = _no_thread
select.select = _select_or_deadlock
select.poll = _Poll
selectors.PollSelector._selector_cls = _Poll
