"""The calls ``candor probe`` makes of a snippet's functions, after its own
code ran: each top-level function (not ``_private``, not a method; an
``async def`` one run to its end in an event loop of its own) called with
one argument at a time replaced by an edge-case input, the others as the
snippet's own first call of it passes them.

An argument the snippet's call gives as a literal is evaluated afresh for each
call; one it gives as the name of a module-level value is a deep copy of that
value as the run left it (so no call sees what an earlier one changed). With
no such call, the first ``>>> f(...)`` example of the function's docstring
gives them; a parameter neither gives is a typical value of its annotation
(``1`` for ``int``, ``[1]`` for ``list[float]``), else ``'a'``. Inputs come in an order that suits the argument the snippet
passed, so that the first call that fires a handler is the likeliest input:
for a dict (or rows of dicts), the same data missing each key, or with a
number zeroed, then the ladder; for a number, numbers first; for text, text
first. Each call is ``(label, function, arguments)``: ``label`` is the call as
source, or as near to it as a changed value allows (``rate(row without
'visits')``); ``arguments()`` makes the argument values.
"""

import ast
import builtins
import collections
import copy
import itertools
import types

# The inputs a probe gives a parameter (Python source): empty and blank text,
# text that is no number, no JSON, no CSV row and no date, None, zero, negative
# and huge numbers, NaN and infinity, empty and odd containers.
_TEXT = (
    "''",
    "' '",
    "'x'",
    "'\u00e9'",
    "'-1'",
    "'{\"a\": 1'",
    "'a,b\\n1'",
    "'2024-13-45'",
)
_NUMBERS = ("0", "-1", "2**63", "float('nan')", "float('inf')")
_CONTAINERS = ("[]", "[None]", "{}", "{'': None}")
_NONE = ("None",)
LADDER = _TEXT + _NONE + _NUMBERS + _CONTAINERS
_BY_KIND = {
    "number": _NUMBERS + _NONE + _TEXT + _CONTAINERS,
    "text": LADDER,
    "list": ("[]", "[None]") + _NONE + ("{}", "{'': None}") + _TEXT + _NUMBERS,
    "dict": ("{}", "{'': None}") + _NONE + ("[]", "[None]") + _TEXT + _NUMBERS,
}
# the keys of a dict argument varied one at a time, at most
_KEYS = 8
# a changed literal is shown as itself up to this length, else described
_SHOWN = 70
# a typical value of a parameter annotated with one of these types, for a
# parameter no call of the snippet's gives
_BY_ANNOTATION = {
    "int": "1",
    "float": "1.0",
    "complex": "1.0",
    "Decimal": "1.0",
    "str": "'a'",
    "bool": "True",
    "bytes": "b'a'",
    "list": "[1]",
    "List": "[1]",
    "Sequence": "[1]",
    "Iterable": "[1]",
    "tuple": "(1,)",
    "Tuple": "(1,)",
    "set": "{1}",
    "dict": "{'a': 1}",
    "Dict": "{'a': 1}",
    "Mapping": "{'a': 1}",
}


# the definitions whose functions are called
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _awaited(function):
    """`function`, a coroutine function, called and run to its end in an
    event loop of its own (as ``asyncio.run`` does), so that its handlers fire
    within the call; the coroutine function is its ``__wrapped__``."""

    def run(*args):
        import asyncio

        return asyncio.run(function(*args))

    run.__wrapped__ = function
    return run


def calls(source, globals_, most):
    """At most `most` calls of the functions `source` defines (as `globals_`,
    the snippet's module, holds them after its run), taken from each function
    in turn."""
    tree = ast.parse(source)
    functions = {}
    for node in tree.body:
        if not isinstance(node, _FUNCTIONS) or node.name.startswith("_"):
            continue
        function = globals_.get(node.name)
        if isinstance(node, ast.AsyncFunctionDef) and callable(function):
            function = _awaited(function)
        args = node.args.posonlyargs + node.args.args
        if not callable(function) or [a.arg for a in args[:1]] in (["self"], ["cls"]):
            continue
        required = len(args) - len(node.args.defaults)
        typical = [_literal(_typical(a.annotation)) for a in args[:required]]
        functions[node.name] = (function, typical)
    given = _first_calls(tree, source, functions, globals_)
    for node in tree.body:
        if isinstance(node, _FUNCTIONS) and node.name in functions:
            if node.name not in given:
                given.update(_doctest_calls(node, functions))
    per_function = []
    for name, (function, typical) in functions.items():
        base = given.get(name, [])
        base = base + typical[len(base) :]
        made = []
        if not base:
            made.append((f"{name}()", function, list))
        for i in range(len(base)):
            for label, make in _inputs(base[i]):
                shown = [b[0] for b in base]
                shown[i] = label
                made.append((f"{name}({', '.join(shown)})", function, _arguments(base, i, make)))
        per_function.append(made)
    # in turn, so that a cap leaves no function out
    merged = (c for group in itertools.zip_longest(*per_function) for c in group if c)
    return list(itertools.islice(merged, most))


# module-level state up to this size (a container's items, an object's
# attributes, and theirs in turn) is put back after each call
_RESTORED = 10000
# what is put back in place: containers (subclasses too: defaultdict,
# Counter, OrderedDict), and objects of the snippet's own classes
_CONTAINERS_PUT_BACK = (list, bytearray, dict, set, collections.deque)


class ModuleState:
    """The snippet module as its run left it, put back after each call
    (``restore``), so that no call sees what an earlier one changed: the
    module's bindings, and in place (so that every reference to them sees
    it) the contents of its mutable state: module-level containers, objects
    of the snippet's own classes, and the containers its classes hold as
    attributes, each of up to ``_RESTORED`` items in all. References between
    them are kept. A container too large to keep, or one that does not copy, is
    shared between the calls; ``shared`` says whether a call changed one's
    size."""

    def __init__(self, globals_):
        self._globals = globals_
        self._saved = dict(globals_)
        name = globals_.get("__name__")
        targets = []
        for key, value in self._saved.items():
            if key.startswith("__") or isinstance(value, types.ModuleType):
                continue
            if isinstance(value, type):
                if value.__module__ == name:
                    targets += [v for v in vars(value).values() if isinstance(v, _CONTAINERS_PUT_BACK)]
            elif isinstance(value, _CONTAINERS_PUT_BACK) or _own_object(value, name):
                targets.append(value)
        unique = {id(t): t for t in targets}
        self._memo = dict(unique)
        self._kept = []  # (target, contents)
        self._unkept = []  # (container, its size)
        for target in unique.values():
            try:
                contents = _contents(target)
                if _plain(contents, self._memo, name, [_RESTORED]) is False:
                    raise OverflowError
                self._kept.append((target, copy.deepcopy(contents, dict(self._memo))))
            except BaseException:
                try:
                    self._unkept.append((target, len(target)))
                except BaseException:
                    pass
        self._shared = False

    def restore(self):
        """The module as it was before the calls."""
        module = self._globals
        for key in [k for k in module if k not in self._saved]:
            del module[key]
        module.update(self._saved)
        for target, contents in self._kept:
            try:
                # comparing costs less than copying, and most calls change nothing
                if _contents(target) == contents:
                    continue
            except BaseException:
                pass
            try:
                _put_back(target, copy.deepcopy(contents, dict(self._memo)))
            except BaseException:
                pass
        for target, size in self._unkept:
            try:
                self._shared = self._shared or len(target) != size
            except BaseException:
                pass

    def shared(self):
        """Whether a call changed the size of a container not put back."""
        return self._shared


# values deepcopy keeps as they are, or that cannot change
_ATOMIC = (
    type(None), bool, int, float, complex, str, bytes, range, slice,
    types.FunctionType, types.BuiltinFunctionType, types.MethodType, type,
)
# modules whose values cannot change (dates, decimals, fractions, paths, ...)
_IMMUTABLE_FROM = frozenset(("datetime", "decimal", "fractions", "uuid", "pathlib", "re", "enum", "ipaddress"))


def _plain(value, memo, name, budget):
    """Whether `value` is cheap and safe to copy for each call: containers,
    objects of the snippet's classes (module `name`) and values that cannot
    change, of at most `budget[0]` items in all (spent as it walks). A module
    it holds is added to `memo`, so that copies keep it as it is. False for
    anything else (a data frame, a file, a lock)."""
    budget[0] -= 1
    if budget[0] < 0:
        return False
    if id(value) in memo or isinstance(value, _ATOMIC):
        return True
    if isinstance(value, types.ModuleType):
        memo[id(value)] = value
        return True
    kind = type(value)
    if kind.__module__ in _IMMUTABLE_FROM:
        return True
    if isinstance(value, (tuple, frozenset, list, set, collections.deque)):
        items = value
    elif isinstance(value, dict):
        items = itertools.chain(value.keys(), value.values())
    elif isinstance(value, bytearray):
        return True
    elif _own_object(value, name):
        items = vars(value).values()
    else:
        return False
    return all(_plain(item, memo, name, budget) is not False for item in items)


def _own_object(value, name):
    """Whether `value` is an object of a class the snippet defined (module
    `name`), with attributes to put back."""
    return (
        type(value).__module__ == name
        and not isinstance(value, (type, types.FunctionType))
        and isinstance(getattr(value, "__dict__", None), dict)
    )


def _contents(target):
    """What `_put_back` puts back into `target`, shallow."""
    if isinstance(target, (list, bytearray, collections.deque)):
        return list(target)
    if isinstance(target, dict):
        return dict(target)
    if isinstance(target, set):
        return set(target)
    return dict(vars(target))


def _put_back(target, contents):
    if isinstance(target, (list, bytearray)):
        target[:] = contents
    elif isinstance(target, (dict, set, collections.deque)):
        target.clear()
        if isinstance(target, collections.deque):
            target.extend(contents)
        else:
            target.update(contents)
    else:
        attributes = vars(target)
        attributes.clear()
        attributes.update(contents)


def _typical(annotation):
    """A typical value (as source) for a parameter annotated `annotation`
    (`int`, `list[str]`, `"dict"`, `Optional[int]`), else `'a'`."""
    node = annotation
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return "'a'"
    if isinstance(node, ast.Subscript):
        outer = node.value.attr if isinstance(node.value, ast.Attribute) else getattr(node.value, "id", None)
        if outer == "Optional":
            return _typical(node.slice)
        node = node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        # `int | None`: the type that is not None
        side = node.right if isinstance(node.left, ast.Constant) else node.left
        return _typical(side)
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
    return _BY_ANNOTATION.get(name, "'a'")


def _doctest_calls(node, functions):
    """{name: arguments} from the first `>>> name(...)` example with literal
    arguments in the docstring of function `node`."""
    doc = ast.get_docstring(node)
    for line in (doc or "").splitlines():
        line = line.strip()
        if not line.startswith(">>> "):
            continue
        try:
            call = ast.parse(line[4:], mode="eval").body
        except SyntaxError:
            continue
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == node.name
            and not call.keywords
        ):
            continue
        if not all(_is_literal(arg) for arg in call.args):
            continue
        return {node.name: [_literal(ast.unparse(arg)) for arg in call.args]}
    return {}


def _first_calls(tree, source, functions, globals_):
    """{function name: its arguments as the snippet's first call of it with
    literal or module-level arguments passes them}: (shown, make, value)."""
    given = {}
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in functions
            and node.func.id not in given
            and not node.keywords
        ):
            continue
        args = []
        for arg in node.args:
            segment = ast.get_source_segment(source, arg)
            if not segment:
                break
            if _is_literal(arg):
                args.append(_literal(segment))
                continue
            if isinstance(arg, ast.Name) and arg.id in globals_ and not callable(globals_[arg.id]):
                args.append(_module_value(segment, globals_, arg.id))
                continue
            break
        else:
            given[node.func.id] = args
    return given


def _is_literal(node):
    """`node` is a literal `ast.literal_eval` takes."""
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def _literal(text):
    """An argument written as the literal `text`."""
    return (text, lambda: eval(text, {"__builtins__": builtins}), _evaluated(text))


def _module_value(name, globals_, key):
    """An argument written as the name of a module-level value."""
    return (name, lambda: _copy(globals_.get(key)), globals_.get(key))


def _evaluated(text):
    try:
        return eval(text, {"__builtins__": builtins})
    except BaseException:
        return None


def _copy(value):
    try:
        return copy.deepcopy(value)
    except BaseException:  # a value that does not copy is passed as it is
        return value


def _arguments(base, i, make):
    """The maker of a call's arguments: `base`'s, with the `i`th from `make`."""

    def arguments():
        return [make() if n == i else b[1]() for n, b in enumerate(base)]

    return arguments


def _inputs(argument):
    """(label, maker) of each input for a parameter the snippet passed `argument`."""
    shown, make, value = argument
    kind = _kind(value)
    found = []
    if kind == "dict":
        found += _dict_variants(shown, make, value, None)
    elif kind == "list" and value and type(value[0]) is dict:
        found += _dict_variants(shown, make, value[0], 0)
    for text in _BY_KIND.get(kind, LADDER):
        found.append((text, _literal(text)[1]))
    return found


def _kind(value):
    if type(value) in (int, float):
        return "number"
    if type(value) is str:
        return "text"
    if type(value) in (list, tuple):
        return "list"
    if type(value) is dict:
        return "dict"
    return None


def _dict_variants(shown, make, entry, row):
    """The argument with one key of `entry` (the dict itself, or its row
    `row`) missing, or with its number zeroed or its text emptied."""
    keys = [k for k in entry if type(k) is str][:_KEYS]
    found = []
    for key in keys:
        found.append(_variant(shown, make, row, key, None))
        item = entry[key]
        if type(item) in (int, float) and item != 0:
            found.append(_variant(shown, make, row, key, 0))
        elif type(item) is str and item:
            found.append(_variant(shown, make, row, key, ""))
    return found


def _variant(shown, make, row, key, new):
    def changed():
        value = make()
        entry = value if row is None else value[row]
        if new is None:
            entry.pop(key, None)
        else:
            entry[key] = new
        return value

    where = shown if row is None else f"{shown}[{row}]"
    what = f"without {key!r}" if new is None else f"with {key!r}: {new!r}"
    label = f"{where} {what}"
    if row is None and shown.startswith("{"):
        # a literal the snippet wrote: shown as the changed literal
        try:
            text = repr(changed())
            ast.literal_eval(text)
            if len(text) <= _SHOWN:
                label = text
        except BaseException:
            pass
    return (label, changed)
