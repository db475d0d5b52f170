"""Run-time facts: which handler fired, for which exception, how it ended, and
which placeholder value came out.

Two sources feed it. The probes that ``candor_static`` writes into the snippet
say when a handler starts and which placeholder value it produced. CPython's
``sys.monitoring`` says how frames end: PY_UNWIND (global, so it costs nothing
until an exception leaves a frame) tells that a caught exception, or one chained
to it, propagated after all; PY_RETURN, enabled only on the code objects whose
handlers have fired, ends the bookkeeping of a frame (a retry loop's success
is marked by the ``__candor_ok__`` probe where the guarded code succeeds).
EXCEPTION_HANDLED (global, also free until an exception is caught) checks that
the probes are still the monitor's when an exception is caught, so a snippet
that swaps a probe out, catches, and puts it back is still noticed.

Every fact is streamed to the host at once through the harness's channel, so a
run cut short by a limit still reports what it saw.

The snippet can reach the monitor (``__candor_caught__.__self__``, ``gc``). What
it could do with it is made evident: a probe called from anywhere but a call
the rewrite put in the snippet's own code is refused and reported, facts leave
only through ``_send`` called by the monitor's own code, and a monitor whose
attributes were rebound or extended is reported (``intact``).
"""

import builtins
import dis
import reprlib
import sys

import candor_guard

TOOL_ID = 4  # a free sys.monitoring tool slot (0-3 and 5 are named by CPython)
TOOL_NAME = "candor"
DETAILED_FACTS = 3  # facts per handler or site that carry the full details; the rest only count

_events = sys.monitoring.events
_WATCHED = _events.PY_UNWIND | _events.EXCEPTION_HANDLED

# The harness's own references, taken when the component is built: a snippet
# that replaces `sys.monitoring.get_tool` or `sys._getframe` does not change
# what the monitor calls.
_use_tool_id = sys.monitoring.use_tool_id
_free_tool_id = sys.monitoring.free_tool_id
_get_tool = sys.monitoring.get_tool
_register_callback = sys.monitoring.register_callback
_set_events = sys.monitoring.set_events
_get_events = sys.monitoring.get_events
_set_local_events = sys.monitoring.set_local_events
_getframe = sys._getframe
_exception = sys.exception
_builtins = builtins.__dict__
_CALL = dis.opmap["CALL"]
_repr = reprlib.Repr()
_repr.maxstring = 60
_repr.maxother = 60
_repr.maxlist = _repr.maxdict = _repr.maxset = _repr.maxtuple = 6
_repr.maxlevel = 3


def _short_repr(value):
    try:
        return _repr.repr(value)
    except BaseException:  # a hostile or broken __repr__ must not break the run
        return f"<{_type_name(value)}>"


class _Firing:
    """The latest unresolved firing of one handler in one frame."""

    __slots__ = ("handler", "exc", "retry", "pending", "placeholder")

    def __init__(self, handler, exc, retry):
        self.handler = handler
        self.exc = exc
        self.retry = retry
        self.pending = 1  # firings of a retry handler not yet resolved
        self.placeholder = False  # the frame produced a placeholder after this firing


class Monitor:
    """Records handler firings for one run and streams them as facts."""

    def __init__(self, send, analysis, code):
        """Watches the run of `code`, compiled from `analysis`; `send` takes a
        fact (a dict) to the host."""
        self._channel = send
        self._filename = analysis.filename
        self._lines = tuple(analysis.source.splitlines())
        # what the probes need of the static facts, in containers the snippet cannot change
        self._retry = tuple(bool(h.retry) for h in analysis.handlers)
        self._site_handler = tuple(s["handler"] for s in analysis.sites)
        # the code objects compiled from the snippet, by identity, and for each that
        # called a probe, the offsets of the calls the rewrite put there
        self._codes = {id(c): c for c in _code_tree(code)}
        self._probe_sites = {}
        self._site_cache = [None, frozenset()]  # the latest code a probe was called from
        self._caught_counts = {}
        self._unsent = {}  # counts of repeated facts not sent yet
        self._value_counts = {}
        self._frames = {}  # frame -> {handler id: _Firing}
        self._fired_codes = set()
        self._tampered = []
        self._probes = {
            "__candor_caught__": self.caught,
            "__candor_value__": self.value,
            "__candor_with__": self.with_block,
            "__candor_finally__": self.finally_block,
            "__candor_ok__": self.ok,
        }

    # -- setup and teardown ---------------------------------------------------------

    def start(self):
        for name, probe in self._probes.items():
            _builtins[name] = probe
        self._probe_items = tuple(self._probes.items())
        # what `intact` compares with: a copy of the attributes, itself included
        self._layout = None
        self._layout = dict(vars(self))
        self._layout["_layout"] = self._layout
        if _get_tool(TOOL_ID) is not None:
            _free_tool_id(TOOL_ID)
        _use_tool_id(TOOL_ID, TOOL_NAME)
        # exception events cost nothing until an exception is raised
        _register_callback(TOOL_ID, _events.PY_UNWIND, self._on_unwind)
        _register_callback(TOOL_ID, _events.EXCEPTION_HANDLED, self._on_handled)
        _register_callback(TOOL_ID, _events.PY_RETURN, self._on_return)
        _set_events(TOOL_ID, _WATCHED)

    def stop(self):
        """Checks that the snippet left the instrumentation alone, then detaches it."""
        for key in list(self._unsent):
            self._flush(key)
        self._check_instrumentation()
        self._check_intact()
        try:
            if _get_tool(TOOL_ID) == TOOL_NAME:
                # a snippet that freed the tool id and took it again under our
                # name lost our callbacks: what is registered now must be ours
                ours = {
                    _events.PY_UNWIND: self._on_unwind,
                    _events.EXCEPTION_HANDLED: self._on_handled,
                    _events.PY_RETURN: self._on_return,
                }
                for event, callback in ours.items():
                    if _register_callback(TOOL_ID, event, None) != callback:
                        self._tamper("the snippet replaced candor's sys.monitoring callbacks")
                _set_events(TOOL_ID, 0)
                _free_tool_id(TOOL_ID)
        except BaseException:
            pass
        return self._tampered

    def _check_instrumentation(self):
        """Tamper facts for a freed tool id, changed events or replaced probes."""
        try:
            if _get_tool(TOOL_ID) != TOOL_NAME:
                self._tamper("the snippet freed or took over candor's sys.monitoring tool id")
            elif _get_events(TOOL_ID) != _WATCHED:
                self._tamper("the snippet changed candor's sys.monitoring events")
        except BaseException as error:
            self._tamper(f"sys.monitoring no longer answers ({type(error).__name__})")
        for name, probe in self._probe_items:
            if _builtins.get(name) is not probe:
                self._tamper(f"the snippet replaced candor's probe {name}")

    def intact(self):
        """True when no attribute of the monitor was added, removed or rebound since `start`."""
        try:
            return vars(self) == self._layout
        except BaseException:  # a hostile `__eq__`
            return False

    def _check_intact(self):
        if not Monitor.intact(self):
            self._tamper("the snippet changed candor's monitor")

    def _at_probe(self, frame, name):
        """True when `frame` is at a probe call the rewrite wrote; else reports the
        snippet calling probe `name` itself (such a call records nothing)."""
        code = frame.f_code
        cache = self._site_cache
        if code is not cache[0]:
            sites = self._probe_sites.get(id(code))
            if sites is None:
                if self._codes.get(id(code)) is not code:
                    sites = frozenset()  # code the snippet made at run time
                else:
                    sites = self._probe_sites[id(code)] = _probe_offsets(code)
            cache[0] = code
            cache[1] = sites
        if frame.f_lasti in cache[1]:
            return True
        self._tamper(f"the snippet called candor's probe {name} itself")
        return False

    def _tamper(self, detail):
        if detail in self._tampered:
            return
        self._tampered.append(detail)
        self._send({"fact": "tampered", "detail": detail})

    def _count(self, key, total):
        """Counts a repeated firing or value; sends the count when the total is a
        power of two (so a hot handler costs log2(n) host calls) and at the end."""
        unsent = self._unsent
        unsent[key] = unsent.get(key, 0) + 1
        if total & (total - 1) == 0:
            self._flush(key)

    def _flush(self, key):
        count = self._unsent.pop(key, 0)
        if not count:
            return
        if key[0] == "caught":
            fact = {"fact": "caught", "handler": key[1], "count": count}
            if key[2] is not None:
                fact["type"] = key[2]
            self._send(fact)
        else:
            self._send({"fact": "value", "site": key[1], "handler": key[2], "count": count})

    def _send(self, fact):
        if id(_getframe(1).f_code) not in _OWN_CODE:
            # the snippet reached the monitor and sends through it
            self._tamper("the snippet sent a fact through candor's monitor")
            return
        self._channel(fact)

    # -- probes ---------------------------------------------------------------------

    def caught(self, hid):
        """First statement of an `except` body: the handler `hid` fired."""
        frame = _getframe(1)
        if self._at_probe(frame, "__candor_caught__"):
            self._fired(hid, _exception(), frame)

    def finally_block(self, hid):
        """Start of a `finally` that may discard an in-flight exception."""
        exc = _exception()
        if exc is not None:
            frame = _getframe(1)
            if self._at_probe(frame, "__candor_finally__"):
                self._fired(hid, exc, frame)

    def ok(self, hid, value=None):
        """The guarded code of a retry loop succeeded: its earlier firings recovered."""
        frame = _getframe(1)
        if not self._at_probe(frame, "__candor_ok__"):
            return value
        firings = self._frames.get(frame)
        if firings:
            for firing in list(firings.values()):
                if firing.retry and not firing.placeholder:
                    self._resolve(firings, firing, "recovered")
        return value

    def with_block(self, hid, manager):
        """Wraps a `with` item so that an `__exit__` that swallows is seen."""
        return _WithProbe(self, hid, manager)

    def value(self, sid, value, container=None):
        """Wraps a placeholder expression; records it when it stands in for a result.
        For a substituted lookup, `container` is what the handler read it from."""
        frame = _getframe(1)
        if not self._at_probe(frame, "__candor_value__"):
            return value
        hid = self._site_handler[sid]
        firings = self._frames.get(frame)
        if hid is None:
            # a placeholder returned outside any handler: a finding only when this
            # frame swallowed an exception before reaching it
            if not firings:
                return value
            hid = next(reversed(firings))
        if firings:
            for firing in firings.values():
                firing.placeholder = True
        n = self._value_counts.get(sid, 0) + 1
        self._value_counts[sid] = n
        if n <= DETAILED_FACTS:
            fact = {
                "fact": "value",
                "site": sid,
                "handler": hid,
                "type": _type_name(value),
                "repr": _short_repr(value),
            }
            if container is not None:
                used = _where(container, value)
                if used is not None:
                    fact["used"] = used
            self._send(fact)
        else:
            self._count(("value", sid, hid), n)
        return value

    # -- bookkeeping ----------------------------------------------------------------

    def _fired(self, hid, exc, frame):
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        layout = self._layout
        if len(vars(self)) != len(layout) or self._channel is not layout["_channel"]:
            # noticed while it lasts: a snippet that puts things back before
            # the end (`stop` checks every attribute)
            self._tamper("the snippet changed candor's monitor")
        try:
            watched = _get_events(TOOL_ID) == _WATCHED
        except BaseException:
            watched = False
        if not watched:
            self._check_instrumentation()
        firings = self._frames.get(frame)
        if firings is None:
            firings = self._frames[frame] = {}
        else:
            # an outer handler in the same frame caught what an inner one raised
            for other in list(firings.values()):
                if other.handler != hid and _chained(exc, other.exc):
                    self._resolve(firings, other, "propagated")
        retry = self._retry[hid]
        previous = firings.get(hid)
        if previous is not None and retry:
            previous.pending += 1
            previous.exc = exc
        else:
            firings[hid] = _Firing(hid, exc, retry)
        code = frame.f_code
        if code not in self._fired_codes:
            self._fired_codes.add(code)
            try:
                _set_local_events(TOOL_ID, code, _events.PY_RETURN)
            except ValueError:
                # code the monitor cannot instrument, or a tool id the snippet
                # freed: returns are not followed
                self._check_instrumentation()
        # counted per exception type, so that a handler catching several kinds
        # reports how many of each
        key = (hid, type(exc).__name__ if exc is not None else None)
        n = self._caught_counts.get(key, 0) + 1
        self._caught_counts[key] = n
        if n <= DETAILED_FACTS:
            self._send(self._caught_fact(hid, exc))
        else:
            self._count(("caught", hid, key[1]), n)

    def _caught_fact(self, hid, exc):
        fact = {"fact": "caught", "handler": hid}
        if exc is None:
            return fact
        try:
            self._describe(fact, exc)
        except BaseException:  # a hostile exception object: the firing still counts
            fact = {"fact": "caught", "handler": hid, "type": _type_name(exc), "message": ""}
        return fact

    def _describe(self, fact, exc):
        fact["type"] = _type_name(exc)
        try:
            message = str(exc)
        except BaseException:
            message = ""
        # a long message keeps its head and its tail, where the value or key
        # that failed often is
        fact["message"] = message if len(message) <= 200 else message[:119] + "\u2026" + message[-80:]
        fact["repr"] = _short_repr(exc)
        line = None
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self._filename:
                line = tb.tb_lineno
            tb = tb.tb_next
        if line is not None:
            fact["line"] = line
            if 0 < line <= len(self._lines):
                text = self._lines[line - 1].strip()
                fact["source"] = text if len(text) <= 80 else text[:77] + "..."

    def _resolve(self, firings, firing, how):
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        del firings[firing.handler]
        self._send({"fact": how, "handler": firing.handler, "count": firing.pending})

    def _on_handled(self, code, offset, exc):
        """Any exception caught anywhere: the probes that report it must still be ours."""
        builtins_ = _builtins
        for name, probe in self._probe_items:
            if builtins_.get(name) is not probe:
                self._tamper(f"the snippet replaced candor's probe {name}")

    def _on_unwind(self, code, offset, exc):
        """A frame ends by an exception: its caught exceptions may be surfacing after all."""
        if code not in self._fired_codes:
            return
        firings = self._frames.pop(_getframe(1), None)
        for firing in (firings or {}).values():
            # a retry loop that gives up by raising, or a handler whose exception
            # (or one chained to it) leaves the frame, hid nothing
            if firing.retry or _chained(exc, firing.exc):
                self._send(
                    {"fact": "propagated", "handler": firing.handler, "count": firing.pending}
                )

    def _on_return(self, code, offset, retval):
        """A frame returns: its firings are final (swallowed, unless resolved before)."""
        self._frames.pop(_getframe(1), None)

    def swallowed_with(self, hid, exc, frame):
        """A `with` block's `__exit__` swallowed `exc` (called by its probe)."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        self._fired(hid, exc, frame)


_SEARCHED = 10000  # entries of a container searched for a substituted value


def _where(container, value):
    """The key, position or attribute under which `container` holds `value`
    (by identity), as text: `score_2024`, `position 0`; None when not found."""
    try:
        if isinstance(container, dict):
            entries = dict.items(container)
        elif isinstance(container, (list, tuple)):
            entries = (("position %d" % i, v) for i, v in enumerate(container))
        else:
            attrs = object.__getattribute__(container, "__dict__")
            if not isinstance(attrs, dict):
                return None
            entries = dict.items(attrs)
        for n, (key, item) in enumerate(entries):
            if n >= _SEARCHED:
                break
            if item is value:
                return key if isinstance(key, str) else _short_repr(key)
    except BaseException:  # a hostile container must not break the run
        pass
    return None


def _chained(exc, target):
    """True when `exc` is `target` or was raised while handling it."""
    seen = 0
    try:
        while exc is not None and seen < 50:
            if exc is target:
                return True
            exc = exc.__cause__ or exc.__context__
            seen += 1
    except BaseException:  # a hostile exception's attributes
        pass
    return False


_TYPE_NAME = type.__dict__["__name__"].__get__


def _type_name(value):
    """The name of `value`'s type, read without consulting the type (or its metaclass)."""
    return _TYPE_NAME(type(value))


def _code_tree(code):
    """`code` and every code object nested in its constants."""
    found = [code]
    for c in found:
        for const in c.co_consts:
            if isinstance(const, type(code)):
                found.append(const)
    return found


def _probe_offsets(code):
    """Offsets of the probe calls the rewrite wrote in `code`: the calls with a
    line and no columns (the snippet's own calls all have columns)."""
    ops = code.co_code
    found = set()
    for i, (line, _, column, _) in enumerate(code.co_positions()):
        if column is None and line is not None and ops[2 * i] == _CALL:
            found.add(2 * i)
    return frozenset(found)


class _WithProbe:
    """Stands in for a context manager; reports when its `__exit__` swallows."""

    __slots__ = ("_monitor", "_hid", "_manager", "_exit")

    def __init__(self, monitor, hid, manager):
        kind = type(manager)
        try:
            enter, exit_ = kind.__enter__, kind.__exit__
        except AttributeError:
            raise TypeError(
                f"'{kind.__name__}' object does not support the context manager protocol"
            ) from None
        self._monitor = monitor
        self._hid = hid
        self._manager = manager
        self._exit = exit_

    def __enter__(self):
        return type(self._manager).__enter__(self._manager)

    def __exit__(self, exc_type, exc, tb):
        swallowed = self._exit(self._manager, exc_type, exc, tb)
        if swallowed and exc is not None:
            self._monitor.swallowed_with(self._hid, exc, _getframe(1))
        return swallowed


candor_guard.pin_builtins(globals())

# the code of every function and method of this module, by identity: `_send`
# takes facts only from them
_OWN_CODE = frozenset(
    id(member.__code__)
    for value in list(globals().values())
    if getattr(value, "__module__", None) == __name__
    for member in ([value] if not isinstance(value, type) else list(vars(value).values()))
    if hasattr(member, "__code__")
)
