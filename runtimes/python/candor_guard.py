"""What keeps the harness's own work out of the snippet's reach, or makes its
interference evident.

The snippet runs in the harness's interpreter and can reach every object in
it. So everything the harness does after the snippet ran (serialise its
status, stream facts, decide the exit code) uses only references taken before
the snippet ran:

- ``pin_builtins`` binds the builtins a harness module names in the module's
  own globals, so that a snippet replacing ``builtins.len`` or ``builtins.type``
  does not change what the harness calls;
- ``encode`` writes JSON with ``_json``'s C string encoder and ``str``
  methods, instead of the ``json`` module, whose functions and encoder class a
  snippet may replace;
- ``Snapshot`` remembers the identity of what the harness relies on (module
  globals, class attributes, function code) and names what changed since.

What the snippet can still change is checked and reported as tampering; it
cannot be made impossible in-process.
"""

import builtins
import operator
import re
import types

try:  # the C encoder of strings, which no snippet can change
    from _json import encode_basestring_ascii as _quote
except ImportError:  # a build without it: the same, in Python
    _quote = None

_code_of = operator.attrgetter("__code__")
_defaults_of = operator.attrgetter("__defaults__")
_CODE = type(compile("", "", "exec"))


def used_names(namespace):
    """Every name the functions and classes defined in `namespace` (a module's
    globals) read: the globals, attributes and builtins their code names."""
    names = set()
    codes = []
    for value in list(namespace.values()):
        members = list(vars(value).values()) if isinstance(value, type) else [value]
        for member in members:
            if isinstance(member, (staticmethod, classmethod)):
                member = member.__func__
            code = getattr(member, "__code__", None)
            if isinstance(code, _CODE) and member.__module__ == namespace.get("__name__"):
                codes.append(code)
    for code in codes:
        names.update(code.co_names)
        codes.extend(c for c in code.co_consts if isinstance(c, _CODE))
    return names


def pin_builtins(namespace):
    """Binds in `namespace` (a module's globals) the builtins its code names,
    where the module does not bind them itself."""
    for name in used_names(namespace):
        if name not in namespace and name in builtins.__dict__:
            namespace[name] = builtins.__dict__[name]


# -- JSON ---------------------------------------------------------------------------

# the lone surrogates, which neither JSON nor the host's UTF-8 strings carry
_SURROGATE = re.compile("[\ud800-\udfff]")
_surrogate = _SURROGATE.search
_unsurrogate = _SURROGATE.sub
_isascii = str.isascii
_str_of = str.__str__
_int_repr = int.__repr__
_dict_items = dict.items

if _quote is None:
    _ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\"}
    _ESCAPES.update({c: f"\\u{c:04x}" for c in range(0x20)})
    _translate = str.translate

    def _quote(text):
        return '"' + _translate(text, _ESCAPES) + '"'


def _string(value):
    text = value if type(value) is str else _str_of(value)
    if not _isascii(text) and _surrogate(text) is not None:
        text = _unsurrogate("\ufffd", text)
    return _quote(text)


def encode(value):
    """`value` as JSON text: dicts (their keys are str), lists, tuples, str,
    int, bool, None (anything else as "?"). Subclasses are written as their
    base type, without calling any of their methods; lone surrogates become
    U+FFFD."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return _int_repr(value)
    if kind is dict:
        return "{" + ",".join([_quote(k) + ":" + encode(v) for k, v in _dict_items(value)]) + "}"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is list or kind is tuple:
        return "[" + ",".join([encode(v) for v in value]) + "]"
    if issubclass(kind, str):
        return _string(value)
    if issubclass(kind, int):
        return _int_repr(value)
    return '"?"'


# -- identity snapshots -----------------------------------------------------------------


class Snapshot:
    """Namespaces and the code of functions as they were at one moment, to
    compare with later. It runs after every snippet, so it compares each
    namespace with a copy in one `==`: identical entries compare equal without
    a call. (An object whose `__eq__` says yes to anything passes for the one
    it replaced: a snippet that crafts one is written against candor's own
    code, which no in-process check can stop.)"""

    __slots__ = ("_parts", "_functions", "_codes", "_defaulted", "_defaults")

    def __init__(self):
        self._parts = []  # (label, namespace, a copy)
        self._functions = []
        self._codes = ()
        self._defaulted = []
        self._defaults = ()

    def add_module(self, module):
        """Remembers the globals of `module`, the attributes of the classes it
        defines, and the code of their methods and of its functions. Nothing of
        it may change once the module is imported."""
        label = module.__name__
        namespace = vars(module)
        self._parts.append((label, namespace, dict(namespace)))
        for name, value in list(namespace.items()):
            if getattr(value, "__module__", None) != label:
                continue
            if isinstance(value, types.FunctionType):
                self._functions.append(value)
            elif isinstance(value, type):
                self._parts.append((f"{label}.{name}", value.__dict__, dict(value.__dict__)))
                for member in list(value.__dict__.values()):
                    if isinstance(member, (staticmethod, classmethod)):
                        member = member.__func__
                    if isinstance(member, types.FunctionType):
                        self._functions.append(member)
        # defaults matter only where a caller leaves an argument out: those of
        # the functions that have some (the harness has no keyword-only ones)
        self._codes = tuple(map(_code_of, self._functions))
        self._defaulted = [f for f in self._functions if f.__defaults__ is not None]
        self._defaults = tuple(map(_defaults_of, self._defaulted))

    def changes(self):
        """Labels of what is not as it was: an entry added, removed or rebound,
        or a function given other code or defaults."""
        changed = []
        for label, namespace, copy in self._parts:
            try:
                same = namespace == copy
            except BaseException:  # a hostile `__eq__`
                same = False
            if not same:
                changed.append(label)
        if (
            tuple(map(_code_of, self._functions)) != self._codes
            or tuple(map(_defaults_of, self._defaulted)) != self._defaults
        ):
            changed.append("the code of its functions")
        return changed


pin_builtins(globals())
