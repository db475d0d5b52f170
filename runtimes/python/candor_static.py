"""Static facts about a snippet's exception handlers, and the rewrite that lets
the run-time monitor see them fire.

For every handler (an ``except`` clause, a ``with`` block, a ``finally`` that
returns, breaks or continues) this module records where it is and what its body
does: re-raises, surfaces the error (logging, printing, warnings, storing or
returning the exception), recovers with a value computed from the data, drops
the error (``pass``, ``continue``, ``break``, a bare ``return``), or substitutes
a placeholder (a literal, a container of literals, a constant-argument
constructor, a random value, a named constant, NaN, a constant appended or
added to the results, or a substituted lookup: the container the guarded code
looked up, read under another key or position). A handler that belongs to a
deliberate idiom (an expected-exception test, an optional import, a cleanup
call with nothing to clean, a ``None`` result every caller checks) says so.

These are facts, not verdicts: the rules that turn them into findings live on
the host, shared by every guest language.

The rewrite adds calls to five probes (bound as builtins by the monitor):
``__candor_caught__(handler)`` as the first statement of each ``except`` body,
``__candor_value__(site, value)`` around each placeholder, ``__candor_with__``
around each ``with`` item, ``__candor_finally__(handler)`` at the start of
each ``finally`` that can discard an exception, and ``__candor_ok__(handler[,
value])`` where the guarded code of a retry loop succeeds (its ``return``, its
``break``, or its end when the statement after the ``try`` leaves the loop). Line numbers are kept, so
tracebacks point at the user's lines.
"""

import ast
import copy
import re

CAUGHT = "__candor_caught__"
VALUE = "__candor_value__"
WITH = "__candor_with__"
FINALLY = "__candor_finally__"
OK = "__candor_ok__"

# Calls whose presence in a handler means the error is made visible.
_SURFACING_METHODS = frozenset(
    "debug info warning warn error exception critical fatal log "
    "print_exc print_exception format_exc format_exception print_stack".split()
)
# Calls that end the program loudly: as good as a re-raise.
_EXITING_CALLS = frozenset("exit _exit abort quit".split())
# Calls that record the failure for later (a list of errors, a counter of bad rows).
_RECORDING_METHODS = frozenset("append appendleft add extend put put_nowait insert".split())
# Callables whose constant-argument call makes a made-up value.
_BUILTIN_TYPES = frozenset(
    "dict list set tuple frozenset str int float bool bytes bytearray complex object".split()
)
_PLACEHOLDER_MODULES = frozenset(
    "random uuid datetime date time secrets decimal fractions np numpy pd pandas".split()
)
_RANDOM_MODULES = frozenset("random secrets uuid".split())
# builtins whose call with constant arguments is a constant (`abs(0)`, `len([])`)
_PURE_BUILTINS = frozenset("abs max min round len sum sorted reversed".split())


# Exceptions that a cleanup or process call raises when there is nothing to do.
_CLEANUP_ERRORS = frozenset("FileNotFoundError ProcessLookupError ChildProcessError".split())
_CLEANUP_CALLS = frozenset(
    "remove unlink rmdir removedirs rmtree kill killpg terminate send_signal wait waitpid".split()
)
_IMPORT_ERRORS = frozenset("ImportError ModuleNotFoundError".split())
# Context managers of tests that expect an exception (unittest's, pytest's).
_EXPECTING_CONTEXTS = frozenset(
    "assertRaises assertRaisesRegex assertWarns assertWarnsRegex raises warns".split()
)
# Module attributes that are a made-up number (NaN and infinity).
_NAN_NAMES = frozenset("nan inf NaN NAN Inf infty".split())
_NAN_MODULES = frozenset("math cmath np numpy pd pandas".split())
# Functions imported from the random modules (`from uuid import uuid4`).
_RANDOM_FUNCTIONS = frozenset(
    "uuid1 uuid4 token_hex token_urlsafe token_bytes randint randrange choice uniform".split()
)
# Calls that fail a hand-written test (`self.fail`, `pytest.fail`, a `fail` helper).
_FAIL_CALLS = frozenset("fail".split())


def _last_name(node):
    name = _dotted(node)
    return name[-1] if name else ""


def _is_test_failure(stmt):
    """`raise AssertionError(...)`, `assert False`, `self.fail(...)`, `pytest.fail(...)`:
    the statement that makes a hand-written test fail when no exception came."""
    if isinstance(stmt, ast.Raise) and stmt.exc is not None:
        exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
        return _last_name(exc) == "AssertionError"
    if isinstance(stmt, ast.Assert):
        return isinstance(stmt.test, ast.Constant) and not stmt.test.value
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        return _last_name(stmt.value.func) in _FAIL_CALLS
    return False


_DEFAULT_NAME = re.compile(r"(?:^|_)defaults?(?:_|$)", re.IGNORECASE)


def _gives_named_default(body, scope):
    """The handler body (as rewritten) puts a named default in place
    (`timeout = DEFAULT_TIMEOUT`, `return dict(DEFAULTS)`), with nothing else
    but calls (a log line): a module-level constant whose name says it is
    the default."""

    def named_default(node):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == VALUE
            and len(node.args) >= 2
        ):
            node = node.args[1]  # the placeholder probe the rewrite put around it
        if isinstance(node, ast.Call) and _copies_constant(node, scope):
            node = node.args[0] if node.args else node.func.value
        return (
            isinstance(node, ast.Name)
            and node.id in scope.module_constants
            and node.id not in scope.params
            and _DEFAULT_NAME.search(node.id) is not None
        )

    gives = False
    for stmt in body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, (ast.Call, ast.Constant)):
            continue
        if isinstance(stmt, ast.Return) and stmt.value is not None and named_default(stmt.value):
            gives = True
            continue
        if (
            isinstance(stmt, ast.Assign)
            and all(isinstance(t, (ast.Name, ast.Attribute, ast.Subscript)) for t in stmt.targets)
            and named_default(stmt.value)
        ):
            gives = True
            continue
        return False
    return gives


def _is_nan(node):
    """`float("nan")`, `float("inf")`, `math.nan`, `np.nan`: a NaN or infinity."""
    if isinstance(node, ast.Attribute):
        name = _dotted(node)
        return bool(name) and len(name) == 2 and name[0] in _NAN_MODULES and name[1] in _NAN_NAMES
    return (
        isinstance(node, ast.Call)
        and _dotted(node.func) == ["float"]
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and node.args[0].value.strip().lower().lstrip("+-") in ("nan", "inf", "infinity")
    )


def _always_leaves_by_raising(body, exits):
    """The handler body raises (or exits) at its top level before anything
    in it can return, break or continue."""
    for stmt in body:
        if isinstance(stmt, ast.Raise) or (isinstance(stmt, ast.Expr) and stmt.value in exits):
            return True
        if any(isinstance(s, (ast.Return, ast.Break, ast.Continue)) for s in _walk_local([stmt])):
            return False
    return False


def _is_quiet_body(body):
    """The handler body of an expected-exception test: `pass`, `assert True`, a bare
    `return`, a docstring."""
    for stmt in body:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Return) and stmt.value is None:
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if isinstance(stmt, ast.Assert) and isinstance(stmt.test, ast.Constant) and stmt.test.value:
            continue
        return False
    return True


def _link_siblings(tree):
    """Marks each `try` with the statement that follows it (`_candor_next`)."""
    for node in ast.walk(tree):
        for _, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                for stmt, after in zip(value, value[1:]):
                    if isinstance(stmt, (ast.Try, ast.TryStar)):
                        stmt._candor_next = after


def _checked_result_functions(tree):
    """Names of the functions whose every call's result is tested for `None`
    (`if x is None`, `if not x`) before any other use, in the statement after
    the one that assigns it."""
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    following = {}
    for node in ast.walk(tree):
        for _, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                for stmt, after in zip(value, value[1:]):
                    following[id(stmt)] = after
    verdict = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        name = node.func.id
        parent = parents.get(id(node))
        ok = False
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
            target = parent.targets[0]
            after = following.get(id(parent))
            if isinstance(target, ast.Name) and isinstance(after, (ast.If, ast.While)):
                ok = _tests_none(after.test, target.id)
        elif isinstance(parent, ast.Compare) and parent.left is node:
            ok = _tests_none(parent, None)
        verdict[name] = verdict.get(name, True) and ok
    return {name for name, ok in verdict.items() if ok}


def _tests_none(test, name):
    """`test` checks `name` (or, for None, the expression itself) for no result."""
    def is_subject(n):
        return name is None or (isinstance(n, ast.Name) and n.id == name)

    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return is_subject(test.operand)
    if name is not None and is_subject(test):
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        if isinstance(test.ops[0], (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
            right = test.comparators[0]
            return isinstance(right, ast.Constant) and right.value is None and (
                name is None or is_subject(test.left)
            )
    return False


def _simple(node):
    """A name or a dotted attribute chain: a container that can be read again."""
    return _dotted(node) is not None


# Attribute accessors of a table (pandas' DataFrame and Series): `df.loc[:, "x"]`
# and `df.at[i, "x"]` read by label, `df.iloc[:, 2]` and `df.iat[i, 2]` by
# position; either way they read `df`.
_LABEL_ACCESSORS = frozenset("loc at".split())
_POSITIONAL_ACCESSORS = frozenset("iloc iat".split())
# Attributes of a table that are not one of its columns (`df.columns`, `df.shape`).
_TABLE_ATTRIBUTES = frozenset(
    "loc at iloc iat columns index shape size ndim dtypes dtype values empty T axes "
    "name attrs flags".split()
)
# Exceptions that a lookup never raises: a handler that catches only these
# handles another failure than a missing key, so what it reads is no
# substitute for the key (`except ZeroDivisionError: label = df.iloc[i, 0]`).
_NOT_LOOKUP_ERRORS = frozenset(
    "ZeroDivisionError ArithmeticError OverflowError FloatingPointError ValueError "
    "UnicodeError UnicodeDecodeError UnicodeEncodeError JSONDecodeError OSError IOError "
    "FileNotFoundError PermissionError ConnectionError TimeoutError ImportError "
    "ModuleNotFoundError RuntimeError RecursionError NotImplementedError AssertionError "
    "StopIteration StopAsyncIteration ParserError EmptyDataError".split()
)


def _column_key(index):
    """The key of a table accessor's index: the column of `[:, key]`, else the index."""
    if (
        isinstance(index, ast.Tuple)
        and len(index.elts) == 2
        and isinstance(index.elts[0], ast.Slice)
        and index.elts[0].lower is None
        and index.elts[0].upper is None
        and index.elts[0].step is None
    ):
        return index.elts[1]
    return index


def _lookup(sub):
    """(container, key, positional) when the subscript `sub` reads a container:
    `C[k]`, or a table accessor `C.loc[...]`, `C.iloc[...]`, `C.at[...]`,
    `C.iat[...]` (which read `C`; `positional` is True for the last two)."""
    base = sub.value
    if (
        isinstance(base, ast.Attribute)
        and base.attr in _LABEL_ACCESSORS | _POSITIONAL_ACCESSORS
        and _simple(base.value)
    ):
        return base.value, _column_key(sub.slice), base.attr in _POSITIONAL_ACCESSORS
    if _simple(base):
        # `df[df.columns[2]]`: a column picked by its position
        key = sub.slice
        positional = (
            isinstance(key, ast.Subscript)
            and isinstance(key.value, ast.Attribute)
            and key.value.attr == "columns"
            and ast.dump(key.value.value) == ast.dump(base)
        )
        return base, key, positional
    return None


def _container_reads(try_node, attributes=False):
    """(container, key, lookup) for each lookup in the guarded code: `C[k]`, a
    table accessor (`C.loc[:, k]` reads `C` under `k`), `getattr(C, k)`, a
    helper called with the container and a key string (`column(row,
    "amount")`), and with `attributes`, a column read as an attribute
    (`df.revenue` reads `df` under `"revenue"`)."""
    reads = []
    called = set()
    if attributes:
        called = {
            id(sub.func) for sub in _walk_local(try_node.body) if isinstance(sub, ast.Call)
        }
    for sub in _walk_local(try_node.body):
        if isinstance(sub, ast.Subscript) and isinstance(sub.ctx, ast.Load):
            found = _lookup(sub)
            if found is not None:
                reads.append((found[0], found[1], sub))
        elif (
            attributes
            and isinstance(sub, ast.Attribute)
            and isinstance(sub.ctx, ast.Load)
            and id(sub) not in called
            and sub.attr not in _TABLE_ATTRIBUTES
            and not sub.attr.startswith("_")
            and _simple(sub.value)
        ):
            reads.append((sub.value, ast.Constant(sub.attr), sub))
        elif isinstance(sub, ast.Call) and len(sub.args) >= 2:
            if _dotted(sub.func) == ["getattr"]:
                if _simple(sub.args[0]):
                    reads.append((sub.args[0], sub.args[1], sub))
                continue
            keys = [a for a in sub.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if keys:
                for a in sub.args:
                    if not isinstance(a, ast.Constant) and _simple(a):
                        reads.append((a, keys[0], sub))
    return reads


def _read_of(value):
    """(container, key, positional) when `value` reads a container: `C[k]`, a
    table accessor (`C.iloc[:, 2]`, `C.loc[:, k]`, `C.iat[i, 2]`), `C[C.columns[2]]`,
    `getattr(C, k)`, `list(C.values())[i]`, `list(C)[i]`; `positional` when it
    reads a table by position."""
    if isinstance(value, ast.Subscript):
        found = _lookup(value)
        if found is not None:
            return found
        base = value.value
        if (
            isinstance(base, ast.Call)
            and _dotted(base.func) in (["list"], ["tuple"])
            and len(base.args) == 1
        ):
            inner = base.args[0]
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr in ("values", "keys", "items")
                and _simple(inner.func.value)
            ):
                return inner.func.value, value.slice, False
            if _simple(inner):
                return inner, value.slice, False
    elif isinstance(value, ast.Call) and _dotted(value.func) == ["getattr"] and len(value.args) == 2:
        if _simple(value.args[0]):
            return value.args[0], value.args[1], False
    return None


def _key_names(key):
    return {n.id for n in ast.walk(key) if isinstance(n, ast.Name)}


def _other_key(key, wanted):
    """True when `key` is another key than `wanted`, not one computed from it
    (`d[key.lower()]` after `d[key]` looks for the same thing). Keys of two
    parts (`[i, 2]` after `[i, "revenue"]`) are compared on the part that differs."""
    if (
        isinstance(key, ast.Tuple)
        and isinstance(wanted, ast.Tuple)
        and len(key.elts) == len(wanted.elts)
    ):
        pairs = [
            (k, w) for k, w in zip(key.elts, wanted.elts) if ast.dump(k) != ast.dump(w)
        ]
        if not pairs:
            return False
        return all(not (_key_names(k) & _key_names(w)) for k, w in pairs)
    if ast.dump(key) == ast.dump(wanted):
        return False
    return not (_key_names(key) & _key_names(wanted))


def _substitute(value, try_node, catches=()):
    """(container, failed lookup) when the handler's `value` reads the same
    container the guarded code looked up, under another key or position
    (`row[keys[-1]]` after `row["score_2025"]`; `df.iloc[:, 2]` after
    `df["revenue"]`, `df.loc[:, "revenue"]` or `df.revenue`). A key computed
    from the failed one (`d[key.lower()]`) looks for the same thing: no
    substitute; nor is a read in a handler that catches only errors a lookup
    does not raise (`catches`, as written)."""
    read = _read_of(value)
    if read is None:
        return None
    if catches and all(c.rsplit(".", 1)[-1] in _NOT_LOOKUP_ERRORS for c in catches):
        return None
    container, key, positional = read
    for other, wanted_key, lookup in _container_reads(try_node, attributes=positional):
        if ast.dump(other) != ast.dump(container) or not _other_key(key, wanted_key):
            continue
        return container, lookup
    return None


def _calls_cleanup(body):
    """The code calls a removal or process call (`os.remove`, `Path.unlink`, `os.kill`)."""
    return any(
        isinstance(s, ast.Call) and _last_name(s.func) in _CLEANUP_CALLS for s in _walk_local(body)
    )


def _dotted(node):
    """`a.b.c` as a list of names, or None for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return parts[::-1]
    return None


def _walk_local(nodes):
    """Every node under `nodes`, not descending into nested functions, classes or lambdas."""
    stack = list(nodes)[::-1]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


class _Scope:
    """What the analysis needs to know about the function (or module) around a handler."""

    def __init__(self, node, analysis):
        self.node = node
        body = node.body if not isinstance(node, ast.Lambda) else []
        self.loads = set()
        self.returns = []  # `return <value>` statements outside except handlers
        handler_nodes = set()
        for sub in _walk_local(body):
            if isinstance(sub, ast.ExceptHandler):
                handler_nodes.update(id(n) for n in _walk_local(sub.body))
        for sub in _walk_local(body):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load):
                self.loads.add(sub.id)
            elif isinstance(sub, ast.Return) and id(sub) not in handler_nodes:
                if sub.value is not None:
                    # the value as written: the rewrite may wrap it in a probe later
                    self.returns.append((sub, sub.value))
        self.params = set()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = node.args
            for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                if arg is not None:
                    self.params.add(arg.arg)
        self.module_constants = analysis._module_constants
        # module-level functions that only return a constant, and names bound by imports
        self.constant_functions = analysis._constant_functions
        self.imported = analysis._imported
        self.is_function = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))


def _constant_kind(node):
    """'literal' / 'container' / 'none' when `node` is built only from constants."""
    if isinstance(node, ast.Constant):
        return "none" if node.value is None else "literal"
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return "literal"
    if isinstance(node, ast.JoinedStr) and all(isinstance(v, ast.Constant) for v in node.values):
        return "literal"
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        if all(_constant_kind(e) is not None for e in node.elts):
            return "container"
        return None
    if isinstance(node, ast.Dict):
        if all(k is not None and _constant_kind(k) is not None for k in node.keys) and all(
            _constant_kind(v) is not None for v in node.values
        ):
            return "container"
        return None
    return None


def _is_failure_value(value, scope, try_node):
    """True when returning the constant `value` from a handler of `try_node` is the
    function's own answer for failure rather than a stand-in for its result.

    Either the function returns the same constant on another explicit path that
    is not the guarded code itself (a predicate's other `return False`), or the
    value is a boolean whose opposite the function returns elsewhere (`True` on
    success, `False` from the handler; or `is_missing` answering `True` from its
    `except KeyError`). A handler returning `True` where the only other return is
    the guarded code's own `return True` fakes success and is no failure value.
    """
    guarded = {id(n) for n in _walk_local(try_node.body + try_node.orelse)}
    dump = ast.dump(value)
    for ret, other in scope.returns:
        if id(ret) in guarded:
            continue
        if _constant_kind(other) is not None and ast.dump(other) == dump:
            return True
    return _answers_opposite(value, scope)


def _answers_opposite(value, scope):
    """`value` is a boolean literal and the function returns the other one elsewhere."""
    if isinstance(value, ast.Constant) and isinstance(value.value, bool):
        for _, other in scope.returns:
            if (
                isinstance(other, ast.Constant)
                and isinstance(other.value, bool)
                and other.value is not value.value
            ):
                return True
    return False


def _echo_container(node, scope, try_node=None):
    """A container of constants that only echoes the function's own arguments
    (`{"name": name, "widgets": []}`), or the fields the guarded code's own
    record passes on unchanged (`{"name": name, "qty": 0}` after `{"name":
    name, "qty": int(qty)}`): nothing in it was computed. At least one
    constant must be a real value; a `None` field marks the gap openly."""
    passed_on = set()
    if isinstance(node, ast.Dict):
        if any(k is None or _constant_kind(k) is None for k in node.keys):
            return False
        elts = node.values
        if try_node is not None:
            for sub in _walk_local(try_node.body):
                if isinstance(sub, ast.Dict):
                    passed_on.update(
                        (ast.dump(k), v.id)
                        for k, v in zip(sub.keys, sub.values)
                        if k is not None and isinstance(v, ast.Name)
                    )
        keys = [ast.dump(k) for k in node.keys]
    elif isinstance(node, (ast.List, ast.Tuple)):
        elts = node.elts
        keys = [None] * len(elts)
    else:
        return False
    echoed = real = mirrored = text = False
    for key, e in zip(keys, elts):
        kind = _constant_kind(e)
        text = text or (isinstance(e, ast.Constant) and isinstance(e.value, str))
        if kind is None:
            if isinstance(e, ast.Name) and e.id in scope.params:
                echoed = True
                continue
            if isinstance(e, ast.Name) and key is not None and (key, e.id) in passed_on:
                echoed = mirrored = True
                continue
            return False
        if kind != "none":
            real = True
    if mirrored and text:
        # a text field beside the record's own (`"status": "failed"`) says
        # what went wrong: an error record, not a made-up one
        return False
    return echoed and real


def _copies_constant(call, scope):
    """`call` copies a module-level constant: `dict(GUEST)`, `list(DEFAULTS)`,
    `GUEST.copy()`, `copy.deepcopy(GUEST)`; a copy is the constant itself."""
    if call.keywords:
        return False

    def constant(node):
        return (
            isinstance(node, ast.Name)
            and node.id in scope.module_constants
            and node.id not in scope.params
        )

    name = _dotted(call.func)
    if len(call.args) == 1 and name in (
        ["dict"],
        ["list"],
        ["set"],
        ["tuple"],
        ["frozenset"],
        ["copy", "copy"],
        ["copy", "deepcopy"],
    ):
        return constant(call.args[0])
    return (
        not call.args
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "copy"
        and constant(call.func.value)
    )


def _module_constants(tree):
    """Module-level names bound exactly once, to a constant expression (SAMPLE = {...})."""
    counts, values = {}, {}
    for sub in _walk_local(tree.body):
        targets = []
        if isinstance(sub, ast.Assign):
            targets = sub.targets
        elif isinstance(sub, (ast.AugAssign, ast.AnnAssign)):
            targets = [sub.target]
        elif isinstance(sub, (ast.For, ast.AsyncFor, ast.comprehension)):
            targets = [sub.target]
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            counts[sub.name] = counts.get(sub.name, 0) + 2
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name):
                    counts[n.id] = counts.get(n.id, 0) + 1
                    if isinstance(sub, (ast.Assign, ast.AnnAssign)) and sub.value is not None:
                        values[n.id] = sub.value
    return {
        name: value
        for name, value in values.items()
        if counts.get(name) == 1 and _constant_kind(value) in ("literal", "container")
    }


def _constant_functions(tree, module_constants):
    """Module-level functions (defined once, not decorated, not rebound) whose
    body, past a docstring, only returns a constant: a literal or a container
    of literals (`def default_settings(): return {"theme": "light"}`), a
    module constant (`return DEFAULTS`), or a constructor of constants
    (`return Decimal("0.00")`, `dict(amount=0)`)."""
    defined, rebound = {}, set()
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef):
            if stmt.name in defined:
                rebound.add(stmt.name)
            body = stmt.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            constant = (
                not stmt.decorator_list
                and len(body) == 1
                and isinstance(body[0], ast.Return)
                and body[0].value is not None
                and _returns_constant(body[0].value, module_constants)
            )
            defined[stmt.name] = constant
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, (ast.Store, ast.Del)):
            rebound.add(sub.id)
        elif isinstance(sub, (ast.Global, ast.Nonlocal)):
            rebound.update(sub.names)
    return frozenset(n for n, constant in defined.items() if constant and n not in rebound)


def _returns_constant(value, module_constants):
    """A helper's returned `value` that is the same at every call (see
    `_constant_functions`)."""
    if _constant_kind(value) in ("literal", "container"):
        return True
    if isinstance(value, ast.Name):
        return value.id in module_constants
    if isinstance(value, ast.Call):
        name = _dotted(value.func) or [""]
        args = list(value.args) + [k.value for k in value.keywords]
        return (
            all(k.arg is not None for k in value.keywords)
            and all(_constant_kind(a) is not None for a in args)
            and _makes_values(name)
        )
    return False


def _makes_values(name):
    """Whether a call of the dotted `name` with constant arguments makes a
    made-up value: a builtin type, a class, or a function of a module of
    placeholders (`datetime`, `random`, `numpy`)."""
    return name[-1] in _BUILTIN_TYPES or name[-1][:1].isupper() or name[0] in _PLACEHOLDER_MODULES


def _imported_names(tree):
    """The names the module's top-level imports bind (`timezone` of `from
    datetime import timezone`, `math`), unless rebound elsewhere."""
    names = set()
    for stmt in tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            for alias in stmt.names:
                names.add((alias.asname or alias.name).split(".")[0])
    stored = {
        sub.id for sub in ast.walk(tree) if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store)
    }
    return frozenset(names - stored)


def _constant_argument(node, scope):
    """An argument that is the same in every call: a constant, NaN, or an
    attribute of an imported name (`timezone.utc`, `math.pi`)."""
    if _constant_kind(node) is not None or _is_nan(node):
        return True
    if isinstance(node, ast.Attribute):
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        return (
            isinstance(root, ast.Name)
            and root.id in scope.imported
            and root.id not in scope.params
        )
    return False


def _spreads_constants(node, scope):
    """`{**DEFAULTS, "source": "defaults"}`: a dict of module constants spread
    and constant entries."""
    spreads = [v for k, v in zip(node.keys, node.values) if k is None]
    return bool(spreads) and all(
        (
            isinstance(v, ast.Name) and v.id in scope.module_constants and v.id not in scope.params
        )
        if k is None
        else _constant_kind(k) is not None and _constant_kind(v) is not None
        for k, v in zip(node.keys, node.values)
    )


class _Handler:
    """Everything known statically about one handler."""

    def __init__(self, hid, kind, node, scope, catches, loop_retry):
        self.id = hid
        self.kind = kind
        self.node = node
        self.scope = scope
        self.catches = catches
        self.retry = loop_retry
        self.reraises = "never"
        self.surfaces = False
        self.recovers = False
        self.drops = False
        self.failure_value = False  # returns the function's own failure constant
        self.idiom = None  # a deliberate use of the exception (see _Rewriter._idiom)
        self.sites = []  # placeholder sites inside the handler

    def fact(self):
        n = self.node
        return {
            "fact": "handler",
            "id": self.id,
            "kind": self.kind,
            "line": n.lineno,
            "column": n.col_offset + 1,
            "end_line": n.end_lineno,
            "end_column": (n.end_col_offset or 0) + 1,
            "catches": self.catches,
            "function": self.scope.node.name if self.scope.is_function else None,
            "reraises": self.reraises,
            "surfaces": self.surfaces,
            "recovers": self.recovers,
            "drops": self.drops,
            "retry": self.retry,
            "failure_value": self.failure_value,
            "idiom": self.idiom,
        }


class Analysis:
    """The handlers and placeholder sites of one snippet, and its rewritten tree."""

    def __init__(self, source, filename, has_handlers=True):
        """Analyses `source`. With `has_handlers` false (the caller knows the
        source has no `try` or `with`), nothing is parsed or rewritten: there is
        no handler to find, and the code compiles straight from the source."""
        self.source = source
        self.filename = filename
        self.handlers = []
        self.sites = []  # dict facts; index = site id
        # functions (by id of their node) with probes after a `try` that read
        # the frame's firings (a placeholder returned after a swallow)
        self.frame_readers = set()
        self.tree = None
        if has_handlers:
            self.tree = ast.parse(source, filename)
            self._module_constants = _module_constants(self.tree)
            self._constant_functions = _constant_functions(self.tree, self._module_constants)
            self._imported = _imported_names(self.tree)
            _link_siblings(self.tree)
            self._checked_results = _checked_result_functions(self.tree)
            self._loads = {
                n.id for n in ast.walk(self.tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
            }
            self._attr_loads = {
                n.attr
                for n in ast.walk(self.tree)
                if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load)
            }
            _Rewriter(self).visit(self.tree)
            ast.fix_missing_locations(self.tree)

    def facts(self):
        for h in self.handlers:
            yield h.fact()
        for site in self.sites:
            yield site

    def code(self):
        tree = self.tree if self.tree is not None else self.source
        return compile(tree, self.filename, "exec", dont_inherit=True)

    # -- building blocks used by the rewriter --------------------------------

    def new_site(self, handler, node, via, kind, text):
        site = {
            "fact": "site",
            "id": len(self.sites),
            "handler": handler.id if handler is not None else None,
            "via": via,
            "kind": kind,
            "line": node.lineno,
            "column": node.col_offset + 1,
            "end_line": node.end_lineno,
            "end_column": (node.end_col_offset or 0) + 1,
            "text": text,
        }
        self.sites.append(site)
        if handler is not None:
            handler.sites.append(site)
        return site["id"]

    def segment(self, node):
        text = ast.get_source_segment(self.source, node) or ast.unparse(node)
        text = " ".join(text.split())
        return text if len(text) <= 80 else text[:77] + "..."


def _call(name, args, like, marked=True):
    """A call of probe `name` at the place of `like`. A `marked` call gets the
    line of `like` and no columns, which no call the snippet wrote has: the
    monitor takes a probe call only from such a place (a snippet that fetches a
    probe and calls it is reported, not believed). A value probe is passed all
    three arguments (the container None when there is none): CPython calls a
    method with exactly as many arguments as it takes the fastest way."""
    if name == VALUE and len(args) == 2:
        args = [*args, ast.copy_location(ast.Constant(None), like)]
    call = ast.Call(func=ast.Name(id=name, ctx=ast.Load()), args=args, keywords=[])
    ast.copy_location(call, like)
    if marked:
        call.end_lineno = call.lineno
        call.col_offset = call.end_col_offset = -1
        for node in (call.func, *args):
            if not hasattr(node, "lineno"):
                ast.copy_location(node, call)
    return call


def _probe_stmt(name, hid, like):
    stmt = ast.Expr(value=_call(name, [ast.Constant(hid)], like))
    return ast.copy_location(stmt, like)


class _MarkSuccess(ast.NodeTransformer):
    """In the guarded code of a retry loop: `return v` becomes
    `return __candor_ok__(hid, v)` and `break` gets `__candor_ok__(hid)` before it
    (not inside nested loops, functions or classes)."""

    def __init__(self, hid):
        self.hid = hid

    def visit_body(self, body):
        out = []
        for stmt in body:
            result = self.visit(stmt)
            out.extend(result if isinstance(result, list) else [result])
        return out

    def _skip(self, node):
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = _skip

    def _loop(self, node):
        # a break in a nested loop leaves that loop, not the retry; returns still count
        node.body = _MarkSuccess(self.hid)._returns_only(node.body)
        node.orelse = self.visit_body(node.orelse)
        return node

    visit_For = visit_AsyncFor = visit_While = _loop

    def _returns_only(self, body):
        marker = _MarkSuccess(self.hid)
        marker.visit_Break = lambda node: node
        return marker.visit_body(body)

    def visit_Return(self, node):
        value = node.value if node.value is not None else ast.Constant(None)
        node.value = _call(OK, [ast.Constant(self.hid), value], node)
        return node

    def visit_Break(self, node):
        return [_probe_stmt(OK, self.hid, node), node]

    def generic_visit(self, node):
        for field, old in ast.iter_fields(node):
            if isinstance(old, list) and old and isinstance(old[0], ast.stmt):
                setattr(node, field, self.visit_body(old))
            elif isinstance(old, list):
                continue
            elif isinstance(old, ast.AST):
                pass  # expressions hold no return or break
        if isinstance(node, ast.ExceptHandler):
            node.body = self.visit_body(node.body)
        elif isinstance(node, (ast.Try, ast.TryStar)):
            node.handlers = [self.visit(h) for h in node.handlers]
        elif isinstance(node, ast.Match):
            for case in node.cases:
                case.body = self.visit_body(case.body)
        return node


class _Rewriter(ast.NodeTransformer):
    def __init__(self, analysis):
        self.a = analysis
        self.scopes = [_Scope(analysis.tree, analysis)]
        self.loops = [[]]  # per scope: the loop statements around the current node
        self.in_handler = [0]  # per scope: depth of enclosing except bodies
        self.after_swallow_scopes = set()

    # -- scopes ----------------------------------------------------------------

    def _visit_scope(self, node):
        self.scopes.append(_Scope(node, self.a))
        self.loops.append([])
        self.in_handler.append(0)
        self.generic_visit(node)
        self._wrap_after_swallow_returns(node)
        self.in_handler.pop()
        self.loops.pop()
        self.scopes.pop()
        return node

    visit_FunctionDef = _visit_scope
    visit_AsyncFunctionDef = _visit_scope

    def _visit_loop(self, node):
        # `try: x = get() / except E: continue / break`: the statement after the
        # try leaves the loop, so the try is a retry whose success is its end
        for stmt, after in zip(node.body, node.body[1:]):
            if isinstance(stmt, (ast.Try, ast.TryStar)) and isinstance(after, (ast.Break, ast.Return)):
                stmt._candor_leaves_after = True
        self.loops[-1].append(node)
        self.generic_visit(node)
        self.loops[-1].pop()
        return node

    visit_For = _visit_loop
    visit_AsyncFor = _visit_loop
    visit_While = _visit_loop

    # -- try / except / finally --------------------------------------------------

    def _visit_try(self, node):
        scope = self.scopes[-1]
        leaves_after = getattr(node, "_candor_leaves_after", False) or any(
            isinstance(s, (ast.Return, ast.Break)) for s in node.orelse
        )
        retry = bool(self.loops[-1]) and (
            leaves_after
            or any(isinstance(s, (ast.Return, ast.Break)) for s in _walk_local(node.body))
        )
        for h in node.handlers:
            handler = _Handler(
                len(self.a.handlers), "except", h, scope, self._catches(h.type), retry
            )
            self.a.handlers.append(handler)
            handler.try_node = node
            self._classify(handler, h.body, h.name, node)
            handler.idiom = self._idiom(handler, h, node)
            h.body.insert(0, _probe_stmt(CAUGHT, handler.id, h.body[0]))
            h._candor = handler
        if node.finalbody and self._finally_discards(node.finalbody) and not self.in_handler[-1]:
            handler = _Handler(len(self.a.handlers), "finally", node.finalbody[0], scope, [], False)
            self.a.handlers.append(handler)
            self._classify(handler, node.finalbody, None, node)
            # whatever the finally block computes, the in-flight exception is lost
            handler.drops = True
            handler.recovers = False
            node.finalbody.insert(0, _probe_stmt(FINALLY, handler.id, node.finalbody[0]))
        # visit children: the handler bodies count as "inside a handler"
        node.body = [self.visit(s) for s in node.body]
        if retry and node.handlers:
            # mark where the retried code succeeds: a return or break out of the
            # guarded code, or its end when the statement after the try leaves
            hid = node.handlers[0]._candor.id
            node.body = _MarkSuccess(hid).visit_body(node.body)
            if leaves_after:
                node.body.append(_probe_stmt(OK, hid, node.body[-1]))
        for h in node.handlers:
            self.in_handler[-1] += 1
            h.body = [self.visit(s) for s in h.body]
            self.in_handler[-1] -= 1
            if h.type is not None:
                h.type = self.visit(h.type)
        node.orelse = [self.visit(s) for s in node.orelse]
        node.finalbody = [self.visit(s) for s in node.finalbody]
        return node

    visit_Try = _visit_try
    visit_TryStar = _visit_try

    def _idiom(self, handler, h, node):
        """The deliberate pattern a handler belongs to, or None: an expected-exception
        test, an optional import, a cleanup call with nothing to clean, a `None`
        result that every caller checks."""
        names = {c.rsplit(".", 1)[-1] for c in handler.catches}
        broad = not names or names & {"AssertionError", "Exception", "BaseException"}
        if not broad and _is_quiet_body(h.body):
            # `try: op(); raise AssertionError` / `except E: pass`, or the helper
            # `try: op() / except E: return` followed by `raise AssertionError`
            if len(node.body) >= 2 and _is_test_failure(node.body[-1]):
                return "expected_exception"
            # `try: op() / except E: pass / else: raise AssertionError`
            if node.orelse and _is_test_failure(node.orelse[-1]):
                return "expected_exception"
            after = getattr(node, "_candor_next", None)
            if (
                after is not None
                and _is_test_failure(after)
                and any(isinstance(s, ast.Return) for s in h.body)
            ):
                return "expected_exception"
        if names and names <= _IMPORT_ERRORS and any(
            isinstance(s, (ast.Import, ast.ImportFrom)) for s in _walk_local(node.body)
        ):
            return "optional_import"
        if names and names <= _CLEANUP_ERRORS and handler.drops and _calls_cleanup(node.body):
            return "cleanup"
        if not broad and _gives_named_default(h.body, handler.scope):
            # a missing setting takes its documented default; the host still
            # reports it when what was caught is no missing key (see hides_values)
            return "named_default"
        scope = handler.scope
        if (
            handler.drops
            and scope.is_function
            and scope.node.name in self.a._checked_results
            and any(isinstance(s, ast.Return) for s in _walk_local(h.body))
        ):
            return "checked_none"
        return None

    def _catches(self, type_node):
        if type_node is None:
            return []
        elts = type_node.elts if isinstance(type_node, ast.Tuple) else [type_node]
        return [self.a.segment(e) for e in elts]

    @staticmethod
    def _finally_discards(body):
        for sub in _walk_local(body):
            if isinstance(sub, ast.Return):
                return True
            if isinstance(sub, (ast.Break, ast.Continue)):
                return True
        return False

    # -- with blocks -----------------------------------------------------------------

    def visit_With(self, node):
        scope = self.scopes[-1]
        for item in node.items:
            expr = item.context_expr
            name = _dotted(expr.func) if isinstance(expr, ast.Call) else None
            kind = "suppress" if name and name[-1] == "suppress" else "with"
            catches = [self.a.segment(a) for a in expr.args] if kind == "suppress" else []
            handler = _Handler(len(self.a.handlers), kind, node, scope, catches, False)
            handler.drops = True
            if kind == "with" and name and name[-1] in _EXPECTING_CONTEXTS:
                # `with self.assertRaises(E):` / `with pytest.raises(E):` fails
                # the test when no exception comes: the exception is the outcome
                handler.idiom = "expected_exception"
            elif (
                kind == "suppress"
                and catches
                and {c.rsplit(".", 1)[-1] for c in catches} <= _CLEANUP_ERRORS
                and _calls_cleanup(node.body)
            ):
                handler.idiom = "cleanup"
            self.a.handlers.append(handler)
            item.context_expr = _call(
                WITH, [ast.Constant(handler.id), self.visit(expr)], expr, marked=False
            )
        node.body = [self.visit(s) for s in node.body]
        return node

    # -- classification of a handler body ------------------------------------------------

    def _classify(self, handler, body, exc_name, try_node):
        scope = handler.scope
        raises = [s for s in _walk_local(body) if isinstance(s, ast.Raise)]
        exits = [
            s
            for s in _walk_local(body)
            if isinstance(s, ast.Call) and (_dotted(s.func) or [""])[-1] in _EXITING_CALLS
        ]
        if _always_leaves_by_raising(body, exits):
            handler.reraises = "always"
        elif raises or exits:
            handler.reraises = "sometimes"

        only_flow = True
        # the exception only tested (`if "invalid" in str(e):`) is not surfaced
        tested = {
            id(n)
            for s in _walk_local(body)
            if isinstance(s, (ast.If, ast.While, ast.IfExp, ast.Assert))
            for n in ast.walk(s.test)
        }
        for sub in _walk_local(body):
            if isinstance(sub, ast.Name) and exc_name and sub.id == exc_name:
                if isinstance(sub.ctx, ast.Load) and id(sub) not in tested:
                    handler.surfaces = True
            elif isinstance(sub, ast.Call):
                name = _dotted(sub.func) or []
                last = name[-1] if name else ""
                if last == "print" or last in _SURFACING_METHODS:
                    handler.surfaces = True
                elif name[-2:] in (["stderr", "write"], ["stdout", "write"]):
                    handler.surfaces = True
                elif last in _RECORDING_METHODS and len(name) >= 2:
                    if self._fills_results(sub, try_node, scope):
                        # `values.append(0)` where the guarded code appends the
                        # real value: a constant put into the results
                        # an echo of the guarded record is a container, the rest literals
                        constant = _constant_kind(sub.args[0]) is not None or _is_nan(sub.args[0])
                        kind = "literal" if constant else "container"
                        sid = self.a.new_site(
                            handler, sub.args[0], "append", kind, self.a.segment(sub.args[0])
                        )
                        sub.args[0] = _call(VALUE, [ast.Constant(sid), sub.args[0]], sub.args[0])
                    else:
                        handler.surfaces = True
            elif isinstance(sub, ast.AugAssign):
                if self._accumulates_constant(sub, try_node, scope):
                    # `total += 0.0`: a constant added in place of the real amount
                    sid = self.a.new_site(
                        handler, sub.value, "accumulate", "literal", self.a.segment(sub.value)
                    )
                    sub.value = _call(VALUE, [ast.Constant(sid), sub.value], sub.value)
                elif self._counter_is_read(sub.target):
                    # a counter of failures that the snippet reports later
                    handler.surfaces = True
            elif isinstance(sub, (ast.Import, ast.ImportFrom)):
                handler.recovers = True

        for stmt in body:
            if not isinstance(stmt, (ast.Pass, ast.Continue, ast.Break)) and not (
                isinstance(stmt, ast.Return) and _constant_kind(stmt.value or ast.Constant(None)) == "none"
            ) and not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                only_flow = False
        handler.drops = only_flow

        # placeholders: returned, yielded or assigned values
        for sub in _walk_local(body):
            if isinstance(sub, ast.Return) and sub.value is not None:
                self._value(handler, sub, "value", "return", try_node)
            elif isinstance(sub, (ast.Yield,)) and sub.value is not None:
                self._value(handler, sub, "value", "yield", try_node)
            elif isinstance(sub, ast.Assign) and len(sub.targets) == 1:
                target = sub.targets[0]
                if isinstance(target, ast.Name) and target.id in scope.loads:
                    if self._intermediate(sub, body, handler, try_node):
                        continue
                    self._value(handler, sub, "value", "assign", try_node)
                elif isinstance(target, ast.Tuple) and any(
                    isinstance(e, ast.Name) and e.id in scope.loads for e in target.elts
                ):
                    # `price, qty = 0.0, 0`: a placeholder like a single `x = 0`
                    self._value(handler, sub, "value", "assign", try_node)
                elif isinstance(target, (ast.Attribute, ast.Subscript)):
                    if self._fills_missing_entry(handler, target, try_node):
                        # `counts[w] += 1` / `except KeyError: counts[w] = 1`
                        handler.recovers = True
                    else:
                        # `totals[k] = 0`, `self.port = 0`: a placeholder stored
                        # into the results
                        self._value(handler, sub, "value", "store", try_node)
            elif isinstance(sub, ast.AnnAssign) and sub.value is not None:
                if isinstance(sub.target, ast.Name) and sub.target.id in scope.loads:
                    self._value(handler, sub, "value", "assign", try_node)

    @staticmethod
    def _fills_results(call, try_node, scope):
        """`X.append(<placeholder>)` where the guarded code calls the same method of
        the same `X` with the real value (a computed one: a list that the guarded
        code also fills with literals, such as messages, is a list of problems)."""
        if len(call.args) != 1 or call.keywords or not isinstance(call.func, ast.Attribute):
            return False
        if (
            _constant_kind(call.args[0]) not in ("literal", "container")
            and not _is_nan(call.args[0])
            and not _echo_container(call.args[0], scope, try_node)
        ):
            return False
        owner = ast.dump(call.func.value)
        return any(
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr == call.func.attr
            and ast.dump(sub.func.value) == owner
            and len(sub.args) == 1
            and _constant_kind(sub.args[0]) not in ("literal", "container")
            for sub in _walk_local(try_node.body)
        )

    @staticmethod
    def _accumulates_constant(aug, try_node, scope):
        """`total += 0.0` / `count += 0`, or a constant added to what the guarded
        code accumulates (`total += price` / `except: total += 5`)."""
        if _constant_kind(aug.value) != "literal":
            return False
        if isinstance(aug.value, ast.Constant) and not isinstance(aug.value.value, str) and aug.value.value == 0:
            return True
        target = ast.dump(aug.target)
        return any(
            isinstance(sub, ast.AugAssign) and ast.dump(sub.target) == target
            for sub in _walk_local(try_node.body)
        )

    def _counter_is_read(self, target):
        """The counter a handler increments is read somewhere (printed, returned, logged)."""
        if isinstance(target, ast.Name):
            return target.id in self.a._loads
        if isinstance(target, ast.Attribute):
            return target.attr in self.a._attr_loads
        return True

    @staticmethod
    def _fills_missing_entry(handler, target, try_node):
        """The handler of a KeyError stores into the very entry the guarded code read."""
        if not isinstance(target, ast.Subscript):
            return False
        names = {c.rsplit(".", 1)[-1] for c in handler.catches}
        if handler.catches and not names & {"KeyError", "LookupError"}:
            return False
        want = (ast.dump(target.value), ast.dump(target.slice))
        for sub in _walk_local(try_node.body):
            # entries the guarded code read (a store into it is no read)
            read = None
            if isinstance(sub, ast.Subscript) and isinstance(sub.ctx, ast.Load):
                read = sub
            elif isinstance(sub, ast.AugAssign) and isinstance(sub.target, ast.Subscript):
                read = sub.target
            if read is not None and (ast.dump(read.value), ast.dump(read.slice)) == want:
                return True
        return False

    def _intermediate(self, assign, body, handler, try_node):
        """`assign` (`keys = list(row)`) computes something the handler reads
        again, and is no placeholder: a step towards the handler's result, not
        the result (what the handler returns or stores says whether it
        recovered)."""
        name = assign.targets[0].id
        own = {id(n) for n in ast.walk(assign)}
        reread = any(
            isinstance(n, ast.Name)
            and n.id == name
            and isinstance(n.ctx, ast.Load)
            and id(n) not in own
            for n in _walk_local(body)
        )
        return (
            reread
            and _substitute(assign.value, try_node, handler.catches) is None
            and self._placeholder(assign.value, handler.scope, try_node) is None
        )

    def _value(self, handler, holder, field, via, try_node):
        value = getattr(holder, field)
        substitute = _substitute(value, try_node, handler.catches)
        if substitute is not None:
            container, wanted = substitute
            sid = self.a.new_site(handler, value, via, "substitute", self.a.segment(value))
            self.a.sites[sid]["wanted"] = self.a.segment(wanted)
            probe = _call(VALUE, [ast.Constant(sid), value, copy.deepcopy(container)], value)
            setattr(holder, field, probe)
            return
        kind = self._placeholder(value, handler.scope, try_node)
        if kind is None:
            handler.recovers = True
            return
        if kind == "none":
            return
        if via == "return" and _is_failure_value(value, handler.scope, try_node):
            # the function's own failure value, not a made-up result
            handler.failure_value = True
            return
        sid = self.a.new_site(handler, value, via, kind, self.a.segment(value))
        setattr(holder, field, _call(VALUE, [ast.Constant(sid), value], value))

    def _placeholder(self, node, scope, try_node):
        """The kind of placeholder `node` is, or None when it is computed from data."""
        kind = _constant_kind(node)
        if kind is not None:
            return kind
        if _echo_container(node, scope, try_node):
            return "container"
        if isinstance(node, ast.Dict) and _spreads_constants(node, scope):
            return "constant"
        if isinstance(node, ast.Call):
            if _copies_constant(node, scope):
                return "constant"
            name = _dotted(node.func)
            if not name:
                return None
            if (
                len(name) == 1
                and name[0] in scope.constant_functions
                and name[0] not in scope.params
                and all(_constant_argument(a, scope) for a in node.args)
                and all(_constant_argument(k.value, scope) for k in node.keywords)
            ):
                # `default_settings()`: a helper that only returns a constant
                return "constant"
            if any(isinstance(a, ast.Starred) for a in node.args) or any(
                k.arg is None for k in node.keywords
            ):
                return None
            args = list(node.args) + [k.value for k in node.keywords]
            last = name[-1]
            if name[0] in _RANDOM_MODULES or (len(name) == 1 and last in _RANDOM_FUNCTIONS):
                # `random.choice(ENGINEERS)`: random whatever it draws from
                return "random"
            if last in _BUILTIN_TYPES and any(
                self._placeholder(a, scope, try_node) == "random" for a in args
            ):
                return "random"  # str(uuid.uuid4())
            if not all(_constant_argument(a, scope) for a in args):
                return None
            if _makes_values(name) or (len(name) == 1 and last in _PURE_BUILTINS):
                return "constructor"
            return None
        if isinstance(node, ast.Attribute):
            return "literal" if _is_nan(node) else None  # math.nan, np.nan, math.inf
        if isinstance(node, ast.Name):
            if (
                node.id in scope.module_constants
                and node.id not in scope.params
                and (scope.is_function or True)
            ):
                return "constant"
            return None
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            index = node.slice
            if isinstance(index, ast.Constant) and isinstance(index.value, int):
                base = node.value.id
                for sub in _walk_local(try_node.body):
                    if (
                        isinstance(sub, ast.Subscript)
                        and isinstance(sub.value, ast.Name)
                        and sub.value.id == base
                        and isinstance(sub.slice, ast.Constant)
                        and isinstance(sub.slice.value, str)
                    ):
                        return "positional"
        return None

    # -- placeholders returned after a swallow, outside any handler ---------------------

    def _wrap_after_swallow_returns(self, func):
        handlers = [h for h in self.a.handlers if h.scope.node is func and h.kind == "except"]
        # a return after the `try` is a fallback only when the guarded code
        # (or its `else:`) leaves the function on success (`try: return
        # fetch()`): otherwise the success path reaches it too, and it is the
        # function's own result
        fallbacks = [
            h for h in handlers if _leaves(h.try_node.body) or _leaves(h.try_node.orelse)
        ]
        if not fallbacks:
            return
        after = min(h.try_node.end_lineno for h in fallbacks)
        # not inside a handler (those sites are the handler's own), nor inside
        # guarded code (its return is the real result, even on a retry)
        inside = set()
        for h in handlers:
            inside.update(id(n) for n in _walk_local(h.node.body))
            inside.update(id(n) for n in _walk_local(h.try_node.body + h.try_node.orelse))
        scope = handlers[0].scope
        for sub in _walk_local(func.body):
            if (
                isinstance(sub, ast.Return)
                and sub.value is not None
                and id(sub) not in inside
                and sub.lineno > after
            ):
                value = sub.value
                if isinstance(value, ast.Call) and _dotted(value.func) == [VALUE]:
                    continue
                kind = self._placeholder(value, scope, ast.Module(body=[], type_ignores=[]))
                if kind in (None, "none"):
                    continue
                self.a.frame_readers.add(id(func))
                if _answers_opposite(value, scope):
                    # a predicate's `return False` once the retries gave up: the
                    # failure is the answer, so the retries count as resolved
                    sub.value = _call(OK, [ast.Constant(handlers[0].id), value], value)
                    continue
                sid = self.a.new_site(None, value, "return_after_swallow", kind, self.a.segment(value))
                sub.value = _call(VALUE, [ast.Constant(sid), value], value)


def _leaves(body):
    """Whether ``body`` ends by leaving the function (a ``return`` or a
    ``raise``, also at the end of both branches of an ``if`` or of a ``with``)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return _leaves(last.body) and _leaves(last.orelse)
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return _leaves(last.body)
    return False
