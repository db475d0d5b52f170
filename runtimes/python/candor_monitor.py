"""Run-time facts: which handler fired, for which exception, how it ended, and
which placeholder value came out.

Two sources feed it. The probes that ``candor_static`` writes into the snippet
say when a handler starts and which placeholder value it produced. CPython's
``sys.monitoring`` says how frames end: PY_UNWIND (global, so it costs nothing
until an exception leaves a frame) tells that a caught exception, or one chained
to it, propagated after all; PY_RETURN, enabled only on the code objects whose
handlers have fired, ends the bookkeeping of a frame (a retry loop's success
is marked by the ``__candor_ok__`` probe where the guarded code succeeds).

The rewrite calls the probes by name (``__candor_caught__(3)``); before the
snippet runs, ``_bind_probes`` turns each such load into a load of the probe
itself, a constant of the code, so nothing the snippet does to builtins or its
globals can swap a probe out. Only where a load has no room for that (see
``_bind_probes``) do the probes go into builtins, and then EXCEPTION_HANDLED
(global, free until an exception is caught) checks at each caught exception
that they are still the monitor's, so a snippet that swaps one out, catches,
and puts it back is still noticed.

Facts are streamed to the host through the harness's channel as they happen,
so that a run cut short by a limit still reports what it saw: the first
``DETAILED_FACTS`` firings of each handler and exception type (and values of
each placeholder) at once, with their details; repeats as counts, when the
total reaches a power of two or ``BATCH`` repeats are unsent, and at the end.
A run killed by a limit therefore under-counts a hot handler by fewer than
``BATCH`` firings, and never reports one that did not happen.

The probes run once per firing, so they are written for speed: no Python call
of their own on the common path, lists instead of objects, counts kept by
exception type (not its name) and formatted only when sent.

The snippet can reach the monitor (``gc``, its code's constants). What
it could do with it is made evident: a probe called from anywhere but a call
the rewrite put in the snippet's own code is refused and reported, facts leave
only through ``_send`` called by the monitor's own code, and a monitor whose
attributes were rebound or extended is reported (``intact``).
"""

import ast
import builtins
import dis
import reprlib
import sys

import candor_guard

TOOL_ID = 4  # a free sys.monitoring tool slot (0-3 and 5 are named by CPython)
TOOL_NAME = "candor"
DETAILED_FACTS = 3  # facts per handler or site that carry the full details; the rest only count
BATCH = 256  # repeats of one fact counted in the guest at most before their count is sent

_events = sys.monitoring.events

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
# the probes' names, in the order `Monitor._on_handled` compares them
_PROBE_NAMES = ("__candor_caught__", "__candor_value__", "__candor_with__", "__candor_finally__", "__candor_ok__")
_CALL = dis.opmap["CALL"]
_repr = reprlib.Repr()
_repr.maxstring = 60
_repr.maxother = 60
_repr.maxlist = _repr.maxdict = _repr.maxset = _repr.maxtuple = 6
_repr.maxlevel = 3


def _short_repr(value):
    try:
        table = _table_kind(value)
        if table == "Series":
            return f"<Series {_repr.repr(value.name)}, {len(value)} values>"
        if table == "DataFrame":
            rows, columns = value.shape
            return f"<DataFrame, {rows} rows x {columns} columns>"
        return _repr.repr(value)
    except BaseException:  # a hostile or broken __repr__ must not break the run
        return f"<{_type_name(value)}>"


# The latest unresolved firing of one handler in one frame, as a list (made and
# read faster than an object): [handler id, exception, firings of a retry
# handler not yet resolved, the frame produced a placeholder since].
_HID, _EXC, _PENDING, _PLACEHOLDER = range(4)


class Monitor:
    """Records handler firings for one run and streams them as facts."""

    def __init__(self, send, analysis):
        """Watches the run of the snippet `analysis` rewrote, whose code it
        compiles (`code`); `send` takes a fact (a dict) to the host."""
        self._channel = send
        self._filename = analysis.filename
        self._lines = tuple(analysis.source.splitlines())
        # what the probes need of the static facts, in containers the snippet cannot change
        self._retry = tuple(bool(h.retry) for h in analysis.handlers)
        self._site_handler = tuple(s["handler"] for s in analysis.sites)
        self._probes = dict(
            zip(_PROBE_NAMES, (self.caught, self.value, self.with_block, self.finally_block, self.ok))
        )
        # a placeholder marks the frame's firings only for the retry handlers' sake
        self._any_retry = any(self._retry)
        # handlers whose firings need no per-frame bookkeeping (see `_plain`)
        self._plain = tuple(
            not self._any_retry
            and h.kind == "except"
            and id(h.scope.node) not in analysis.frame_readers
            and all(_cannot_raise(s) for s in h.node.body)
            for h in analysis.handlers
        )
        # by site id; for a site after the frame's latest handler, by that handler
        self._value_counts = tuple(
            [0, 0, 0, hid] if hid is not None else {} for hid in self._site_handler
        )
        # for each plain handler whose body puts a literal in place (see
        # `_counted_constant`): (that site's counts, its id, the literal); the
        # literal comes out once per firing, so its count is the handler's
        # (`_sync_constant`), one call less per firing
        self._constant = tuple(
            _counted_constant(h.node.body, self._value_counts) if plain else None
            for h, plain in zip(analysis.handlers, self._plain)
        )
        # the snippet's code with its probes bound in as constants (see
        # `_bind_probes`): what the snippet does to builtins cannot reach them
        self.code, self._all_bound = _bind_probes(analysis.code(), self._probes)
        # the code objects compiled from the snippet, by identity, and for each that
        # called a probe, the offsets of the calls the rewrite put there
        self._codes = {id(c): c for c in _code_tree(self.code)}
        self._probe_sites = {}
        # the latest code a probe was called from: [code, its probe offsets,
        # whether its handlers fired before]
        self._site_cache = [None, frozenset(), False]
        # repeats, counted as [total, sent, last, key] (see `_caught_due`): by
        # handler id, then exception type (and the latest type's, by handler id)
        self._caught_counts = tuple({} for _ in analysis.handlers)
        self._caught_latest = [None] * len(analysis.handlers)
        # frame -> its one firing (see _HID), or {handler id: firing} once
        # several handlers fired in it (`_firings` makes the dict)
        self._frames = {}
        self._fired_codes = {}  # id(code) -> code, for the code whose handlers fired
        self._tampered = []

    # -- setup and teardown ---------------------------------------------------------

    def start(self):
        if self._all_bound:
            # nothing looks a probe up by name: none is in builtins, and no
            # exception needs a check that the probes are still there
            self._probe_items = ()
            self._watched = _events.PY_UNWIND
        else:
            # some code loads its probes by name (a module with more constants
            # than a load can name in place): they are builtins, which the
            # snippet can swap, so each caught exception checks them
            for name, probe in self._probes.items():
                _builtins[name] = probe
            self._probe_items = tuple(self._probes.items())
            self._watched = _events.PY_UNWIND | _events.EXCEPTION_HANDLED
        self._probe_values = tuple(self._probes.values())
        used = {name for c in self._codes.values() for name in c.co_names}
        self._more_probes = tuple(
            (name, self._probes[name]) for name in _PROBE_NAMES[2:4] if name in used
        )
        # what `intact` compares with: a copy of the attributes, itself included
        self._layout = None
        self._layout = dict(vars(self))
        self._layout["_layout"] = self._layout
        if _get_tool(TOOL_ID) is not None:
            _free_tool_id(TOOL_ID)
        _use_tool_id(TOOL_ID, TOOL_NAME)
        # exception events cost nothing until an exception is raised
        _register_callback(TOOL_ID, _events.PY_UNWIND, self._on_unwind)
        if not self._all_bound:
            _register_callback(TOOL_ID, _events.EXCEPTION_HANDLED, self._on_handled)
        _register_callback(TOOL_ID, _events.PY_RETURN, self._on_return)
        _set_events(TOOL_ID, self._watched)

    def stop(self):
        """Sends the counts not sent yet, checks that the snippet left the
        instrumentation alone, then detaches it."""
        for hid, by_type in enumerate(self._caught_counts):
            for kind, counts in list(by_type.items()):
                if counts[0] > counts[1]:
                    self._flush_caught(hid, kind, counts)
            if self._constant[hid] is not None:
                self._sync_constant(hid)
        for sid, counts in enumerate(self._value_counts):
            for counts in list(counts.values()) if type(counts) is dict else [counts]:
                if counts[0] > counts[1]:
                    self._flush_value(sid, counts[3], counts)
        self._check_instrumentation()
        self._check_intact()
        try:
            if _get_tool(TOOL_ID) == TOOL_NAME:
                # a snippet that freed the tool id and took it again under our
                # name lost our callbacks: what is registered now must be ours
                ours = {
                    _events.PY_UNWIND: self._on_unwind,
                    _events.EXCEPTION_HANDLED: None if self._all_bound else self._on_handled,
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
            elif _get_events(TOOL_ID) != self._watched:
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
        snippet calling probe `name` itself (such a call records nothing).

        The probes first test the cache this fills themselves (the latest code
        a probe was called from), and call this only when it misses."""
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
            cache[2] = self._fired_codes.get(id(code)) is code
        if frame.f_lasti in cache[1]:
            return True
        self._tamper(f"the snippet called candor's probe {name} itself")
        return False

    def _tamper(self, detail):
        if detail in self._tampered:
            return
        self._tampered.append(detail)
        Monitor._send(self, {"fact": "tampered", "detail": detail})

    # Repeats are counted in lists, [total, sent, last, key]: a probe adds one to
    # the total, or when the total is `last` calls `_caught_due` or `_value_due`,
    # which send the first DETAILED_FACTS with their details, then the unsent
    # part when the total is a power of two or BATCH repeats are unsent (so a
    # hot handler costs about log2(n) + n / BATCH host calls); `stop` sends the rest.

    def _caught_counts_of(self, hid, kind):
        """The counts of handler `hid`'s firings with exceptions of type `kind`,
        made the handler's latest."""
        by_type = self._caught_counts[hid]
        counts = by_type.get(kind)
        if counts is None:
            counts = by_type[kind] = [0, 0, 0, kind]
        self._caught_latest[hid] = counts
        return counts

    def _caught_due(self, hid, kind, counts, exc):
        """Handler `hid` caught `exc` (of type `kind`) once more than `counts[2]` times."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        n = counts[0] = counts[0] + 1
        if n <= DETAILED_FACTS:
            counts[1] = n
            Monitor._send(self, self._caught_fact(hid, exc))
        else:
            self._flush_caught(hid, kind, counts)
        counts[2] = _next_due(n) - 1

    def _value_due(self, sid, hid, counts, value, container):
        """Site `sid` produced `value` after handler `hid` once more than `counts[2]` times."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        n = counts[0] = counts[0] + 1
        if n <= DETAILED_FACTS:
            counts[1] = n
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
            Monitor._send(self, fact)
        else:
            self._flush_value(sid, hid, counts)
        counts[2] = _next_due(n) - 1

    def _flush_caught(self, hid, kind, counts):
        """Sends the firings of handler `hid` with exceptions of type `kind` not sent yet."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        count = counts[0] - counts[1]
        counts[1] = counts[0]
        fact = {"fact": "caught", "handler": hid, "count": count}
        if kind is not _NONE_TYPE:
            fact["type"] = _TYPE_NAME(kind)
        Monitor._send(self, fact)

    def _flush_value(self, sid, hid, counts):
        """Sends the values of site `sid` (after handler `hid`) not sent yet."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        count = counts[0] - counts[1]
        counts[1] = counts[0]
        Monitor._send(self, {"fact": "value", "site": sid, "handler": hid, "count": count})

    def _send(self, fact):
        """Sends `fact` to the host, after checking that the monitor and its
        events are as `start` left them. (The probes check nothing themselves:
        what the snippet changes while no fact leaves can hide nothing, since
        repeats are kept in counts sent later, and a firing's first facts are
        sent at once.)"""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            # the snippet reached the monitor and sends through it
            self._tamper("the snippet sent a fact through candor's monitor")
            return
        layout = self._layout
        if layout is not None and (
            len(vars(self)) != len(layout) or self._channel is not layout["_channel"]
        ):
            # noticed while it lasts: a snippet that puts things back before
            # the end (`stop` checks every attribute)
            self._tamper("the snippet changed candor's monitor")
        try:
            watched = _get_events(TOOL_ID) == self._watched
        except BaseException:
            watched = False
        if not watched:
            self._check_instrumentation()
        self._channel(fact)

    # -- probes ---------------------------------------------------------------------

    def caught(self, hid):
        """First statement of an `except` body: the handler `hid` fired."""
        if self._plain[hid]:
            # a body that cannot raise, outside retries and with nothing after
            # its `try` that reads the frame's firings: nothing can resolve
            # this firing later, so it is only counted. Where the probe was
            # called from is checked when a fact is due (a snippet calling it
            # itself can only add to the count, as with `value`)
            counts = self._caught_latest[hid]
            if counts is not None and counts[0] < counts[2] and counts[3] is type(_exception()):
                counts[0] += 1
                return
            Monitor._caught_plain(self, hid, _getframe(1))
            return
        frame = _getframe(1)
        cache = self._site_cache
        if frame.f_code is not cache[0] or frame.f_lasti not in cache[1]:
            if not Monitor._at_probe(self, frame, "__candor_caught__"):
                return
        # what `_record` does, inlined: this runs once per firing
        exc = _exception()
        frames = self._frames
        if frame not in frames:
            frames[frame] = [hid, exc, 1, False]
        else:
            self._fired_again(frame, hid, exc)
        if not cache[2]:
            self._follow_returns(frame.f_code, cache)
        kind = type(exc)
        counts = self._caught_latest[hid]
        if counts is None or counts[3] is not kind:
            counts = Monitor._caught_counts_of(self, hid, kind)
        if counts[0] >= counts[2]:
            Monitor._caught_due(self, hid, kind, counts, exc)
        else:
            counts[0] += 1

    def _caught_plain(self, hid, frame):
        """`caught` for a plain handler whose firing is due to be sent, or of
        an exception type other than its latest's; `frame` called the probe."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        exc = _exception()
        kind = type(exc)
        counts = self._caught_latest[hid]
        if counts is None or counts[3] is not kind:
            counts = Monitor._caught_counts_of(self, hid, kind)
        if counts[0] < counts[2]:
            counts[0] += 1
            return
        cache = self._site_cache
        if frame.f_code is not cache[0] or frame.f_lasti not in cache[1]:
            if not Monitor._at_probe(self, frame, "__candor_caught__"):
                return
        Monitor._caught_due(self, hid, kind, counts, exc)
        if self._constant[hid] is not None:
            Monitor._sync_constant(self, hid)

    def _sync_constant(self, hid):
        """Counts the literal that plain handler `hid` puts in place (see
        `_counted_constant`) once per firing so far, and sends what is due."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        values, sid, value = self._constant[hid]
        total = 0
        for counts in self._caught_counts[hid].values():
            total += counts[0]
        while values[0] < total and values[0] < DETAILED_FACTS:
            # `_value_due` sends each of the first with its details
            Monitor._value_due(self, sid, hid, values, value, None)
        if values[0] < total:
            values[0] = total
            Monitor._flush_value(self, sid, hid, values)

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
        cache = self._site_cache
        if frame.f_code is not cache[0] or frame.f_lasti not in cache[1]:
            if not Monitor._at_probe(self, frame, "__candor_ok__"):
                return value
        firings = self._firings(frame)
        if firings:
            for firing in list(firings.values()):
                if self._retry[firing[_HID]] and not firing[_PLACEHOLDER]:
                    self._resolve(firings, firing, "recovered")
        return value

    def with_block(self, hid, manager):
        """Wraps a `with` item so that an `__exit__` that swallows is seen."""
        return _WithProbe(self, hid, manager)

    def value(self, sid, value, container=None):
        """Wraps a placeholder expression; records it when it stands in for a result.
        For a substituted lookup, `container` is what the handler read it from.

        A repeat only counts: where the probe was called from is checked when
        a fact is due (a snippet calling the probe itself can only add to the
        count of a placeholder it produced, never hide one)."""
        hid = self._site_handler[sid]
        if hid is None or self._any_retry:
            return Monitor._value_in_frame(self, sid, value, container, _getframe(1))
        counts = self._value_counts[sid]
        if counts[0] < counts[2]:
            counts[0] += 1
            return value
        frame = _getframe(1)
        cache = self._site_cache
        if frame.f_code is not cache[0] or frame.f_lasti not in cache[1]:
            if not Monitor._at_probe(self, frame, "__candor_value__"):
                return value
        Monitor._value_due(self, sid, hid, counts, value, container)
        return value

    def _value_in_frame(self, sid, value, container, frame):
        """`value` for a site whose handler is the frame's latest, or in a
        snippet with retry handlers (whose firings a placeholder marks)."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return value
        cache = self._site_cache
        if frame.f_code is not cache[0] or frame.f_lasti not in cache[1]:
            if not Monitor._at_probe(self, frame, "__candor_value__"):
                return value
        hid = self._site_handler[sid]
        firings = self._firings(frame)
        if hid is None:
            # a placeholder returned outside any handler: a finding only when
            # this frame swallowed an exception before reaching it
            if not firings:
                return value
            hid = next(reversed(firings))
        if firings:
            for firing in firings.values():
                firing[_PLACEHOLDER] = True
        counts = self._value_counts[sid]
        if type(counts) is dict:
            counts = counts.get(hid) or counts.setdefault(hid, [0, 0, 0, hid])
        if counts[0] < counts[2]:
            counts[0] += 1
        else:
            Monitor._value_due(self, sid, hid, counts, value, container)
        return value

    # -- bookkeeping ----------------------------------------------------------------

    def _fired(self, hid, exc, frame):
        """A `with` block or a `finally` discarded `exc` in `frame` (handler `hid`)."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        cache = self._site_cache
        if frame.f_code is not cache[0]:
            # a `with` block's frame, which called no probe of its own at its `__exit__`
            cache = [frame.f_code, frozenset(), self._fired_codes.get(id(frame.f_code)) is frame.f_code]
        self._record(hid, exc, frame, cache)

    def _record(self, hid, exc, frame, cache):
        """Handler `hid` caught `exc` in `frame`, whose code `cache` describes
        (see `_site_cache`). `caught` does the same inline."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        frames = self._frames
        if frame not in frames:
            frames[frame] = [hid, exc, 1, False]
        else:
            self._fired_again(frame, hid, exc)
        if not cache[2]:
            self._follow_returns(frame.f_code, cache)
        kind = type(exc)
        counts = self._caught_latest[hid]
        if counts is None or counts[3] is not kind:
            counts = Monitor._caught_counts_of(self, hid, kind)
        if counts[0] >= counts[2]:
            Monitor._caught_due(self, hid, kind, counts, exc)
        else:
            counts[0] += 1

    def _firings(self, frame):
        """{handler id: firing} for the handlers that fired in `frame`, or None."""
        firings = self._frames.get(frame)
        if type(firings) is list:
            firings = self._frames[frame] = {firings[_HID]: firings}
        return firings

    def _fired_again(self, frame, hid, exc):
        """Handler `hid` caught `exc` in `frame`, where handlers fired before."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        firings = self._firings(frame)
        # an outer handler in the same frame caught what an inner one raised
        for other in list(firings.values()):
            if other[_HID] != hid and _chained(exc, other[_EXC]):
                self._resolve(firings, other, "propagated")
        previous = firings.get(hid)
        if previous is not None and self._retry[hid]:
            previous[_PENDING] += 1
            previous[_EXC] = exc
        else:
            firings[hid] = [hid, exc, 1, False]

    def _follow_returns(self, code, cache):
        """The handlers of `code` fired: its frames' returns end their bookkeeping."""
        if id(_getframe(1).f_code) not in _OWN_CODE:
            self._tamper("the snippet called candor's monitor itself")
            return
        cache[2] = True
        if self._fired_codes.get(id(code)) is code:
            return
        self._fired_codes[id(code)] = code
        try:
            _set_local_events(TOOL_ID, code, _events.PY_RETURN)
        except ValueError:
            # code the monitor cannot instrument, or a tool id the snippet
            # freed: returns are not followed
            self._check_instrumentation()

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
        del firings[firing[_HID]]
        Monitor._send(self, {"fact": how, "handler": firing[_HID], "count": firing[_PENDING]})

    def _on_handled(self, code, offset, exc):
        """Any exception caught anywhere, when some probes are loaded by name
        (see `start`): the probes that report it must still be ours. It runs for every exception caught, so it only compares identities
        while they are, and only of the probes whose loss would hide a firing
        (`__candor_with__` and `__candor_finally__` when the snippet uses them;
        not `__candor_ok__`, without which a retry's recovery goes unseen).
        `stop` checks them all."""
        b = _builtins
        p = self._probe_values
        try:
            if b["__candor_caught__"] is p[0] and b["__candor_value__"] is p[1]:
                for name, probe in self._more_probes:
                    if b[name] is not probe:
                        break
                else:
                    return
        except BaseException:  # a probe deleted
            pass
        self._check_instrumentation()

    def _on_unwind(self, code, offset, exc):
        """A frame ends by an exception: its caught exceptions may be surfacing after all."""
        if self._fired_codes.get(id(code)) is not code:
            return
        firings = self._frames.pop(_getframe(1), None)
        if type(firings) is list:
            firings = {firings[_HID]: firings}
        for firing in (firings or {}).values():
            # a retry loop that gives up by raising, or a handler whose exception
            # (or one chained to it) leaves the frame, hid nothing
            if self._retry[firing[_HID]] or _chained(exc, firing[_EXC]):
                Monitor._send(self, 
                    {"fact": "propagated", "handler": firing[_HID], "count": firing[_PENDING]}
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


def _cannot_raise(stmt):
    """`stmt`, of a handler's body as rewritten, cannot raise: `pass`,
    `continue`, `break`, a probe call, or a return or a plain assignment of a
    constant (through a placeholder probe)."""
    if isinstance(stmt, (ast.Pass, ast.Continue, ast.Break)):
        return True
    if isinstance(stmt, ast.Expr):
        return _is_probe_call(stmt.value)
    if isinstance(stmt, ast.Return):
        return stmt.value is None or _constant(stmt.value)
    if isinstance(stmt, ast.Assign):
        return all(isinstance(t, ast.Name) for t in stmt.targets) and _constant(stmt.value)
    return False


def _counted_constant(body, value_counts):
    """For a plain handler's `body` (see `Monitor._plain`): when a statement
    that runs at each firing (before any `return`, `continue` or `break`)
    returns or assigns a literal through its placeholder probe, that probe
    is taken out of the rewritten code, and the site is counted by `caught`:
    (the site's counts in `value_counts`, its id, the literal's value).
    The first such statement only; None when there is none."""
    for stmt in body:
        if isinstance(stmt, (ast.Return, ast.Assign)):
            probe = stmt.value
            if (
                isinstance(probe, ast.Call)
                and isinstance(probe.func, ast.Name)
                and probe.func.id == "__candor_value__"
                and len(probe.args) == 3
                and isinstance(probe.args[0], ast.Constant)
                and type(probe.args[0].value) is int
                and _literal(probe.args[1])
            ):
                sid = probe.args[0].value
                counts = value_counts[sid]
                if type(counts) is not list:
                    return None
                stmt.value = probe.args[1]
                return (counts, sid, ast.literal_eval(probe.args[1]))
        if isinstance(stmt, (ast.Return, ast.Continue, ast.Break)):
            return None
    return None


def _literal(node):
    """`_constant`, without probes: a literal the code evaluates afresh each time."""
    return _constant(node) and not any(isinstance(n, ast.Call) for n in ast.walk(node))


def _is_probe_call(node):
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _PROBE_NAMES
        and not node.keywords
        and all(_constant(a) for a in node.args)
    )


def _constant(node):
    """A value that evaluates without raising: a literal, a container of them,
    a negated number, or a placeholder probe around one."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return isinstance(node.operand, ast.Constant) and isinstance(
            node.operand.value, (int, float, complex)
        )
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(_constant(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(
            k is not None and isinstance(k, ast.Constant) and _constant(v)
            for k, v in zip(node.keys, node.values)
        )
    return _is_probe_call(node)


def _next_due(n):
    """The total at which a count that was just sent at total `n` is sent next:
    at once while the facts carry details, then at the next power of two, at
    most BATCH later."""
    if n < DETAILED_FACTS:
        return n + 1
    power = 1 << n.bit_length()
    return power if power - n <= BATCH else n + BATCH


_SEARCHED = 10000  # entries of a container searched for a substituted value


def _where(container, value):
    """The key, position or attribute under which `container` holds `value`
    (by identity), as text: `score_2024`, `position 0`; None when not found."""
    try:
        if isinstance(container, dict):
            entries = dict.items(container)
        elif isinstance(container, (list, tuple)):
            entries = (("position %d" % i, v) for i, v in enumerate(container))
        elif _table_kind(container) == "DataFrame":
            # a column read by position: the column's own name
            if _table_kind(value) != "Series" or len(value) != len(container):
                return None
            name = value.name
            if name is None or name not in container.columns:
                return None
            return name if isinstance(name, str) else _short_repr(name)
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
_NONE_TYPE = type(None)


_TYPE_MODULE = type.__dict__["__module__"].__get__
_TYPE_MRO = type.__dict__["__mro__"].__get__


def _table_kind(value):
    """`Series` or `DataFrame` when `value` is one of pandas' (or of a subclass),
    else None; read without consulting the value or its type."""
    try:
        for kind in _TYPE_MRO(type(value)):
            name = _TYPE_NAME(kind)
            if name in ("Series", "DataFrame"):
                module = _TYPE_MODULE(kind)
                if type(module) is str and (module == "pandas" or module.startswith("pandas.")):
                    return name
    except BaseException:
        pass
    return None


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


_LOAD_GLOBAL = dis.opmap["LOAD_GLOBAL"]
_LOAD_NAME = dis.opmap["LOAD_NAME"]
# (the layout of a call, callable then NULL, is 3.13's; before, nothing is bound)
_BINDS = sys.version_info >= (3, 13) and "LOAD_CONST" in dis.opmap and "PUSH_NULL" in dis.opmap
_LOAD_CONST = dis.opmap.get("LOAD_CONST")
_PUSH_NULL = dis.opmap.get("PUSH_NULL")
_NOP = dis.opmap["NOP"]
_EXTENDED_ARG = dis.opmap["EXTENDED_ARG"]
_CODE_TYPE = type((lambda: None).__code__)


def _cache_table():
    """The inline cache entries (code units) after each opcode, as `dis`
    keeps them (by name since 3.13, by opcode before); None when it keeps
    them some other way, and then nothing is bound."""
    try:
        entries = dis._inline_cache_entries
        get = entries.get
        table = tuple(get(dis.opname[op], None) or get(op, None) or 0 for op in range(256))
        if table[_LOAD_GLOBAL] == 0:
            return None
        return table
    except BaseException:
        return None


_CACHE_UNITS = _cache_table()
_BINDS = _BINDS and _CACHE_UNITS is not None


def _bind_probes(code, probes):
    """`code`, and the code nested in it, with each load of a probe by its
    name (`probes`: name -> probe) made a load of the probe itself, as a
    constant; and whether every such load was. Offsets do not move: a load
    by name and its inline cache take as many code units as the constant's
    load, its NULL and the NOPs that fill the rest. A load with no room for
    the constant's (a module-level `LOAD_NAME` of a constant past the 256th)
    stays a load by name."""
    consts = list(code.co_consts)
    all_bound = _BINDS
    for i, const in enumerate(consts):
        if type(const) is _CODE_TYPE:
            consts[i], bound = _bind_probes(const, probes)
            all_bound = all_bound and bound
    if not _BINDS:
        return code.replace(co_consts=tuple(consts)), False
    ops = bytearray(code.co_code)
    names = code.co_names
    at, begin, high = 0, None, 0
    while at < len(ops):
        op, arg = ops[at], ops[at + 1]
        if op == _EXTENDED_ARG:
            begin = at if begin is None else begin
            high = (high << 8) | arg
            at += 2
            continue
        start = at if begin is None else begin
        full = (high << 8) | arg
        end = at + 2 + 2 * _CACHE_UNITS[op]
        begin, high = None, 0
        if op == _LOAD_GLOBAL or op == _LOAD_NAME:
            index, null = (full >> 1, full & 1) if op == _LOAD_GLOBAL else (full, 0)
            probe = probes.get(names[index])
            if probe is not None:
                k = next((j for j, c in enumerate(consts) if c is probe), None)
                if k is None:
                    k = len(consts)
                    consts.append(probe)
                units = [(_EXTENDED_ARG, k >> 8)] if k > 255 else []
                units.append((_LOAD_CONST, k & 255))
                if null:
                    units.append((_PUSH_NULL, 0))
                if k > 0xFFFF or 2 * len(units) > end - start:
                    all_bound = False
                else:
                    units += [(_NOP, 0)] * ((end - start) // 2 - len(units))
                    for n, (unit_op, unit_arg) in enumerate(units):
                        ops[start + 2 * n] = unit_op
                        ops[start + 2 * n + 1] = unit_arg
        at = end
    return code.replace(co_code=bytes(ops), co_consts=tuple(consts)), all_bound


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
