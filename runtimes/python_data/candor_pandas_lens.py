"""candor's pandas lens: what pandas turns into plausible data without raising.

pandas has switches that make bad data look like good data: ``errors="coerce"``
turns what does not parse into NaN or NaT, ``fillna(0)`` puts a constant where
a value is missing, an inner merge drops the rows that found no match, a merge
on repeated keys multiplies rows, ``df.get("col", default)`` and
``drop(..., errors="ignore")`` answer for a column that is not there, and
``astype(..., errors="ignore")`` hands back the data it could not convert. None
of them raises, so the monitor's exception facts never see them.

The lens wraps those entry points when the snippet imports pandas (a finder at
the front of ``sys.meta_path`` waits for the import; nothing else is touched,
so a snippet without pandas pays nothing). A wrapped call made from the
snippet's own code (its caller's frame is in the snippet's file; pandas
calling itself is not watched) runs the real function, compares what went in
with what came out, and records an event when something was made up: its kind,
the call's position in the snippet and its source text, the values it changed
and of how many. Events are kept per call site and kind, and sent as
``coerced`` facts through the harness's channel: at once for the first call,
then when a site's calls reach a power of two, and the rest at the end (each
fact carries what was not sent yet). A call that changed nothing records
nothing.

Only the lens's own code may record or send: a snippet that calls into the
lens, or rebinds what its wrappers call, is reported as tampering (``finish``).
"""

import ast
import sys

import candor_guard

_getframe = sys._getframe
_modules = sys.modules
_meta_path = sys.meta_path
_TEXT_LIMIT = 200  # characters of a call's source text a fact carries


class _State:
    """What the lens knows for the run: set by `install`, read by the wrappers."""

    __slots__ = (
        "send",
        "filename",
        "source",
        "lines",
        "calls",
        "sites",
        "patched",
        "wrappers",
        "tampered",
        "positions",
    )

    def __init__(self):
        self.send = None
        self.filename = None
        self.source = ""
        self.lines = ()
        self.calls = None  # (line, column, end_line, end_column) -> ast.Call, made on first use
        self.sites = {}  # (event, line, column) -> [calls, changed, total, sent x3, fact base]
        self.patched = False
        self.wrappers = []  # (wrapper, the contents of its closure when made)
        self.tampered = []
        self.positions = {}  # id(code) -> (code, its positions)


_STATE = _State()


def install(send, filename, source):
    """Watches pandas for the snippet `filename` (its text `source`), sending
    facts through `send`: now if pandas is imported already, else when the
    snippet imports it."""
    _STATE.send = send
    _STATE.filename = filename
    _STATE.source = source
    # numbered as Python numbers them: a line ends at \n, \r\n or \r
    _STATE.lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pandas = _modules.get("pandas")
    if pandas is not None:
        _patch(pandas)
    else:
        _meta_path.insert(0, _HOOK)


def finish(send, filename):
    """Sends what was not sent yet and stops waiting for pandas; returns what
    the snippet changed of the lens (tampering details, one sentence each)."""
    try:
        _meta_path.remove(_HOOK)
    except ValueError:
        pass
    tampered = _STATE.tampered
    if _STATE.send is not send or _STATE.filename != filename:
        tampered.append("the snippet changed candor's pandas lens")
        return tampered
    for wrapper, closure in _STATE.wrappers:
        cells = wrapper.__closure__ or ()
        if tuple(_cell_contents(c) for c in cells) != closure:
            tampered.append("the snippet changed what candor's pandas lens wraps")
            break
    for key, counts in list(_STATE.sites.items()):
        if counts[0] > counts[3]:
            _flush(counts)
    return tampered


def _cell_contents(cell):
    try:
        return cell.cell_contents
    except ValueError:  # an empty cell
        return None


# -- waiting for the import ----------------------------------------------------------


class _Hook:
    """A `sys.meta_path` finder that lets pandas be found as usual, and has it
    patched once its module has run."""

    def find_spec(self, name, path=None, target=None):
        if name != "pandas":
            return None
        for finder in list(_meta_path):
            if finder is self:
                continue
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        spec.loader = _Loader(loader)
        return spec


class _Loader:
    """Runs pandas' own loader, then patches the module it made."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        # the module keeps its own loader, as if the lens were not there
        try:
            module.__spec__.loader = self.loader
            module.__loader__ = self.loader
        except AttributeError:
            pass
        self.loader.exec_module(module)
        try:
            _meta_path.remove(_HOOK)
        except ValueError:
            pass
        _patch(module)


_HOOK = _Hook()


# -- the wrappers ------------------------------------------------------------------


def _patch(pandas):
    """Wraps pandas' entry points that make data up without raising."""
    if _STATE.patched:
        return
    _STATE.patched = True
    try:
        frame, series = pandas.DataFrame, pandas.Series
    except AttributeError:  # a pandas that failed to import halfway
        return
    targets = [
        (pandas, "to_numeric", _observe_to_numeric),
        (pandas, "to_datetime", _observe_to_datetime),
        (pandas, "merge", _observe_merge),
        (frame, "merge", _observe_merge),
        (frame, "join", _observe_join),
        (frame, "fillna", _observe_fillna),
        (series, "fillna", _observe_fillna),
        (frame, "astype", _observe_astype),
        (series, "astype", _observe_astype),
        (frame, "get", _observe_get),
        (series, "get", _observe_get),
        (frame, "drop", _observe_drop),
        (series, "drop", _observe_drop),
    ]
    import inspect

    for owner, name, observe in targets:
        try:
            original = getattr(owner, name)
            signature = inspect.signature(original)
        except (AttributeError, TypeError, ValueError):
            continue
        wrapper = _wrap(original, signature, observe)
        setattr(owner, name, wrapper)
        closure = tuple(_cell_contents(c) for c in wrapper.__closure__ or ())
        _STATE.wrappers.append((wrapper, closure))


def _wrap(original, signature, observe):
    """`original`, which calls `observe(original, args, kwargs, arguments, frame)`
    when the snippet's own code calls it."""

    def wrapper(*args, **kwargs):
        frame = _getframe(1)
        if frame.f_code.co_filename != _STATE.filename:
            return original(*args, **kwargs)
        try:
            arguments = signature.bind(*args, **kwargs).arguments
        except TypeError:
            return original(*args, **kwargs)
        try:
            return observe(original, args, kwargs, arguments, frame)
        except BaseException as error:
            # the traceback shows the snippet's call and pandas' frames, not the lens's
            tb = error.__traceback__
            while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
                tb = tb.tb_next
            error.__traceback__ = tb
            raise

    for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(wrapper, attribute, getattr(original, attribute))
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = original
    return wrapper


def _pandas():
    return _modules["pandas"]


def _missing(values):
    """`values` (a scalar, a list, an array, a Series or an Index) as a flat
    numpy array of booleans: True where a value is missing."""
    numpy = _modules["numpy"]
    return numpy.asarray(_pandas().isna(values)).reshape(-1)


def _newly_missing(before, after):
    """(values that went in present and came out missing, values that went in)."""
    pandas = _pandas()
    if isinstance(before, pandas.DataFrame):  # to_datetime assembling from columns
        return 0, 0
    was, now = _missing(before), _missing(after)
    if was.shape != now.shape:
        return 0, 0
    return int((~was & now).sum()), int(was.size)


def _observe_to_numeric(original, args, kwargs, arguments, frame):
    result = original(*args, **kwargs)
    if arguments.get("errors") == "coerce":
        changed, total = _safely(_newly_missing, arguments.get("arg"), result)
        _record("to_numeric", frame, changed, total, None)
    return result


def _observe_to_datetime(original, args, kwargs, arguments, frame):
    result = original(*args, **kwargs)
    if arguments.get("errors") == "coerce":
        changed, total = _safely(_newly_missing, arguments.get("arg"), result)
        _record("to_datetime", frame, changed, total, None)
    return result


def _safely(count, *args):
    """`count(*args)`, or (0, 0) when it fails: the lens never breaks a run."""
    try:
        return count(*args)
    except Exception:
        return 0, 0


def _missing_cells(data, columns):
    """Missing values of a Series, or of a DataFrame's `columns` (all when None)."""
    pandas = _pandas()
    if isinstance(data, pandas.DataFrame):
        if columns is not None:
            data = data[[c for c in columns if c in data.columns]]
        return int(data.isna().to_numpy().sum()), int(data.size)
    return int(data.isna().sum()), int(len(data))


def _observe_fillna(original, args, kwargs, arguments, frame):
    value = arguments.get("value")
    self = arguments.get("self")
    if value is None or not _constant_fill(frame):
        return original(*args, **kwargs)
    columns = list(value) if isinstance(value, dict) else None
    before = _safely(_missing_cells, self, columns)
    result = original(*args, **kwargs)
    after = _safely(_missing_cells, self if result is None else result, columns)
    filled = before[0] - after[0]
    if filled > 0:
        _record("fillna", frame, filled, before[1], _scope_of(self, columns))
    return result


def _scope_of(data, columns):
    """What a fill's share is of: `column 'qty'`, `columns 'a', 'b'`, `the frame`."""
    pandas = _pandas()
    if isinstance(data, pandas.DataFrame):
        if columns is None:
            return "the frame"
        names = ", ".join(_name(c) for c in columns[:5])
        return f"column {names}" if len(columns) == 1 else f"columns {names}"
    name = getattr(data, "name", None)
    return "the series" if name is None else f"column {_name(name)}"


def _name(label):
    text = repr(label)
    return text if len(text) <= 60 else text[:57] + "..."


def _constant_fill(frame):
    """True when the call at `frame`'s current instruction fills with a
    constant written in the snippet (`fillna(0)`, `fillna({"qty": 0})`), not
    with a value computed from the data (`fillna(df["qty"].mean())`)."""
    call = _call_node(frame)
    if call is None:
        return False
    if call.args:
        fill = call.args[0]
    else:
        fill = next((k.value for k in call.keywords if k.arg == "value"), None)
    return fill is not None and _literal(fill)


def _literal(node):
    if isinstance(node, ast.Constant):
        return node.value is not None
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return True
    if isinstance(node, ast.Dict):
        return all(k is not None for k in node.keys) and all(_literal(v) for v in node.values)
    return False


def _observe_astype(original, args, kwargs, arguments, frame):
    result = original(*args, **kwargs)
    if arguments.get("errors") == "ignore":
        changed, total, kept = _safely3(_unconverted, arguments.get("self"), arguments.get("dtype"), result)
        _record("astype", frame, changed, total, kept)
    return result


def _safely3(count, *args):
    try:
        return count(*args)
    except Exception:
        return 0, 0, None


def _unconverted(before, dtype, after):
    """(values left as they were although another dtype was asked for, values
    asked to convert, the dtype they kept)."""
    pandas = _pandas()
    pandas_dtype = pandas.api.types.pandas_dtype
    if isinstance(before, pandas.DataFrame):
        columns = list(dtype) if isinstance(dtype, dict) else list(before.columns)
        pairs = [
            (before[c], after[c], dtype[c] if isinstance(dtype, dict) else dtype)
            for c in columns
            if c in before.columns
        ]
    else:
        pairs = [(before, after, dtype)]
    changed = total = 0
    kept = None
    for was, now, wanted in pairs:
        total += len(was)
        if now.dtype == was.dtype and was.dtype != pandas_dtype(wanted):
            changed += len(was)
            kept = kept or str(was.dtype)
    return changed, total, kept


def _observe_get(original, args, kwargs, arguments, frame):
    result = original(*args, **kwargs)
    if "default" in arguments and result is arguments["default"]:
        self, key = arguments.get("self"), arguments.get("key")
        try:
            missing = _absent(self, key)
        except Exception:
            missing = False
        if missing:
            kind = "column" if isinstance(self, _pandas().DataFrame) else "label"
            _record("get_default", frame, 1, 1, f"{kind} {_name(key)}")
    return result


def _absent(data, key):
    """True when `data` (a DataFrame's columns, a Series' index) lacks `key`."""
    try:
        return key not in data
    except TypeError:  # a list of keys
        return not all(k in data for k in key)


def _observe_drop(original, args, kwargs, arguments, frame):
    if arguments.get("errors") != "ignore" or arguments.get("level") is not None:
        return original(*args, **kwargs)
    asked = _safely(_drop_missing, arguments)
    result = original(*args, **kwargs)
    missing, total, detail = asked if len(asked) == 3 else (0, 0, None)
    _record("drop_missing", frame, missing, total, detail)
    return result


def _listed(labels):
    if labels is None:
        return []
    if isinstance(labels, (list, tuple, set, frozenset)):
        return list(labels)
    pandas = _pandas()
    if isinstance(labels, (pandas.Index, pandas.Series)) or type(labels).__name__ == "ndarray":
        return list(labels)
    return [labels]


def _drop_missing(arguments):
    """(labels asked for that are not there, labels asked for, which)."""
    pandas = _pandas()
    data = arguments.get("self")
    is_frame = isinstance(data, pandas.DataFrame)
    wanted = []  # (label, its axis, column or not)
    labels = arguments.get("labels")
    if labels is not None:
        axis = arguments.get("axis", 0)
        by_column = is_frame and axis in (1, "columns")
        axis_labels = data.columns if by_column else data.index
        wanted += [(label, axis_labels, by_column) for label in _listed(labels)]
    if arguments.get("columns") is not None and is_frame:
        wanted += [(label, data.columns, True) for label in _listed(arguments["columns"])]
    if arguments.get("index") is not None:
        wanted += [(label, data.index, False) for label in _listed(arguments["index"])]
    missing = [(label, column) for label, axis_labels, column in wanted if label not in axis_labels]
    if not missing:
        return 0, len(wanted), None
    kind = "column" if all(column for _, column in missing) else "label"
    names = ", ".join(_name(label) for label, _ in missing[:5])
    plural = "s" if len(missing) > 1 else ""
    return len(missing), len(wanted), f"{kind}{plural} {names}"


def _keys(frame, columns, use_index):
    """A frame's join keys: its index, one column, or several as a MultiIndex."""
    pandas = _pandas()
    if use_index:
        return frame.index
    if len(columns) == 1:
        return pandas.Index(frame[columns[0]])
    return pandas.MultiIndex.from_frame(frame[list(columns)])


def _as_list(value):
    if value is None:
        return None
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _merge_counts(left, right, arguments, result):
    """(left rows without a match, left rows, rows the result has beyond one per
    matched left row)."""
    pandas = _pandas()
    if isinstance(right, pandas.Series):
        right = right.to_frame()
    on = _as_list(arguments.get("on"))
    left_on = _as_list(arguments.get("left_on")) or on
    right_on = _as_list(arguments.get("right_on")) or on
    left_index = bool(arguments.get("left_index", False))
    right_index = bool(arguments.get("right_index", False))
    if not (left_on or left_index) and not (right_on or right_index):
        common = [c for c in left.columns if c in right.columns]
        if not common:
            return None
        left_on = right_on = common
    left_keys = _keys(left, left_on, left_index)
    right_keys = _keys(right, right_on, right_index)
    matched = int(left_keys.isin(right_keys).sum())
    return len(left) - matched, len(left), matched


def _observe_merge(original, args, kwargs, arguments, frame):
    result = original(*args, **kwargs)
    left = arguments.get("left", arguments.get("self"))
    right = arguments.get("right")
    how = arguments.get("how", "inner")
    _merged(frame, how, arguments.get("validate"), _merge_counts, left, right, arguments, result)
    return result


def _merged(frame, how, validate, count, left, right, arguments, result):
    """Records what a merge or join of `how` dropped and multiplied."""
    if how not in ("inner", "left"):
        return
    try:
        counts = count(left, right, arguments, result)
        rows = len(result)
    except Exception:
        return
    if counts is None:
        return
    dropped, total, matched = counts
    if how == "inner":
        _record("merge_dropped", frame, dropped, total, None)
    expected = matched if how == "inner" else total
    # rows on repeated keys are what `validate` lets a snippet say it means
    if validate is None:
        _record("merge_multiplied", frame, rows - expected, expected, None)


def _join_counts(left, other, arguments, result):
    pandas = _pandas()
    if isinstance(other, pandas.Series):
        other = other.to_frame()
    if not isinstance(other, pandas.DataFrame):
        return None  # a list of frames
    on = _as_list(arguments.get("on"))
    left_keys = _keys(left, on, not on)
    matched = int(left_keys.isin(other.index).sum())
    return len(left) - matched, len(left), matched


def _observe_join(original, args, kwargs, arguments, frame):
    result = original(*args, **kwargs)
    how = arguments.get("how", "left")
    left, other = arguments.get("self"), arguments.get("other")
    _merged(frame, how, arguments.get("validate"), _join_counts, left, other, arguments, result)
    return result


# -- events and facts ----------------------------------------------------------------


def _position(frame):
    """(line, column, end_line, end_column) of the call `frame` is making; the
    columns 1-based, in UTF-8 bytes; (line, 0, line, 0) when unknown."""
    code = frame.f_code
    known = _STATE.positions.get(id(code))
    if known is None or known[0] is not code:
        known = _STATE.positions[id(code)] = (code, tuple(code.co_positions()))
    positions = known[1]
    index = frame.f_lasti // 2
    line = frame.f_lineno or 0
    if 0 <= index < len(positions):
        start, end, column, end_column = positions[index]
        if start is not None and column is not None and end is not None and end_column is not None:
            return start, column + 1, end, end_column + 1
    return line, 0, line, 0


def _call_node(frame):
    """The snippet's call expression at `frame`'s current instruction, or None."""
    if _STATE.calls is None:
        calls = {}
        try:
            tree = ast.parse(_STATE.source, _STATE.filename)
        except (SyntaxError, ValueError):
            tree = None
        if tree is not None:
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    where = (node.lineno, node.col_offset + 1, node.end_lineno, node.end_col_offset + 1)
                    calls[where] = node
        _STATE.calls = calls
    return _STATE.calls.get(_position(frame))


def _text(line, column, end_line, end_column):
    """The snippet's source from (line, column) to (end_line, end_column), on one line."""
    lines = _STATE.lines
    if not (1 <= line <= end_line <= len(lines)) or column < 1:
        return lines[line - 1].strip() if 1 <= line <= len(lines) else ""
    parts = []
    for n in range(line, end_line + 1):
        raw = lines[n - 1].encode("utf-8", "surrogatepass")
        start = column - 1 if n == line else 0
        end = end_column - 1 if n == end_line else len(raw)
        parts.append(raw[start:end].decode("utf-8", "replace").strip())
    text = " ".join(p for p in parts if p)
    return text if len(text) <= _TEXT_LIMIT else text[: _TEXT_LIMIT - 1] + "…"


def _record(event, frame, changed, total, detail):
    """The snippet's call at `frame` made up `changed` of `total` values."""
    if not _from_a_wrapper():
        _tamper("the snippet recorded an event through candor's pandas lens")
        return
    if changed <= 0:
        return
    line, column, end_line, end_column = _position(frame)
    key = (event, line, column)
    counts = _STATE.sites.get(key)
    if counts is None:
        base = {
            "fact": "coerced",
            "event": event,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "text": _text(line, column, end_line, end_column),
        }
        if detail is not None:
            base["detail"] = detail
        counts = _STATE.sites[key] = [0, 0, 0, 0, 0, 0, base]
    counts[0] += 1
    counts[1] += changed
    counts[2] += max(total, changed)
    calls = counts[0]
    if calls & (calls - 1) == 0:  # the first call, then at powers of two
        _flush(counts)


def _from_a_wrapper():
    """True when the lens's code that called `_record` was called by one of the
    wrappers (which the snippet may call: they run pandas for real), not by the
    snippet itself."""
    frame = _getframe(2)
    last = None
    while frame is not None and id(frame.f_code) in _OWN_CODE:
        last = frame.f_code
        frame = frame.f_back
    return last is not None and id(last) == _WRAPPER_CODE


def _flush(counts):
    """Sends a site's calls, changed and total values not sent yet."""
    fact = dict(counts[6])
    fact["calls"] = counts[0] - counts[3]
    fact["changed"] = counts[1] - counts[4]
    fact["total"] = counts[2] - counts[5]
    counts[3], counts[4], counts[5] = counts[0], counts[1], counts[2]
    _send(fact)


def _send(fact):
    if id(_getframe(1).f_code) not in _OWN_CODE:
        _tamper("the snippet sent a fact through candor's pandas lens")
        return
    _STATE.send(fact)


def _tamper(detail):
    if detail not in _STATE.tampered:
        _STATE.tampered.append(detail)


candor_guard.pin_builtins(globals())


def _code_tree(code):
    found = [code]
    for c in found:
        found.extend(k for k in c.co_consts if isinstance(k, type(code)))
    return found


# the code of every function of this module, nested ones included, by identity
_OWN_CODE = frozenset(
    id(c)
    for value in list(globals().values())
    if getattr(value, "__module__", None) == __name__
    for member in ([value] if not isinstance(value, type) else list(vars(value).values()))
    if hasattr(member, "__code__")
    for c in _code_tree(member.__code__)
)
# the code of the wrappers `_wrap` makes: what the snippet's calls go through
_WRAPPER_CODE = next(id(c) for c in _wrap.__code__.co_consts if isinstance(c, type(_wrap.__code__)))
