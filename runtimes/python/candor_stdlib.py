"""The rest of the standard library, importable at run time.

componentize-py snapshots the interpreter after ``preload`` ran, and no file
system holds the standard library at run time: only what was imported at
build time would exist. This module reads every pure-Python module of the
standard library while the component is built (the same files the
interpreter came with, so versions match), compiles it, and keeps its code and
source compressed in the snapshot. ``StdlibFinder``, placed in
``sys.meta_path``, serves a module from there the first time it is imported,
and gives its source to ``inspect``, ``linecache`` and tracebacks.

Modules that cannot work in the sandbox (no processes, no network library, no
native libraries, no terminal or display) fail on import with
``ModuleNotFoundError`` saying why, rather than a bare "No module named".
``unavailable.txt`` lists them; the host shows the same list in
``candor runtimes``.
"""

import io
import marshal
import os
import sys
import zlib
from importlib.machinery import ModuleSpec
from importlib.resources.abc import Traversable

# directories of the standard library that are not shipped: tests, and tools
# that need a display or a package index
_SKIPPED_DIRS = frozenset(
    ["__pycache__", "site-packages", "test", "idlelib", "turtledemo", "ensurepip", "tkinter"]
)


def _read_unavailable():
    here = os.path.dirname(os.path.abspath(__file__))
    table = {}
    with open(os.path.join(here, "unavailable.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition(" ")
            table[name] = reason.strip()
    return table


def _collect(root, resources=None, top=""):
    """{module name: (is package, compressed code, compressed source, path)}
    for every .py file under `root`, which is the package `top` (or, with
    `top` empty, a directory of top-level modules); with `resources` (a dict),
    also fills it with {package: {file name: compressed bytes}} for the other
    files."""
    index = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("_test")
        )
        relative = os.path.relpath(folder, root)
        package = "" if relative == "." else relative.replace(os.sep, ".")
        if top:
            package = f"{top}.{package}" if package else top
        for file in sorted(files):
            if resources is not None and package and not file.endswith((".py", ".pyc")):
                with open(os.path.join(folder, file), "rb") as f:
                    resources.setdefault(package, {})[file] = zlib.compress(f.read(), 9)
                continue
            if not file.endswith(".py") or (not package and file.startswith("_test")):
                continue
            stem = file[:-3]
            if stem == "__init__":
                if not package:
                    continue
                name, is_package = package, True
            else:
                if "." in stem or "-" in stem:
                    continue
                name, is_package = (f"{package}.{stem}" if package else stem), False
            path = os.path.join(folder, file)
            with open(path, "rb") as f:
                source = f.read()
            try:
                code = compile(source, path, "exec", dont_inherit=True)
            except SyntaxError:  # a file that is not Python 3.14 (a template, say)
                continue
            index[name] = (
                is_package,
                zlib.compress(marshal.dumps(code), 9),
                zlib.compress(source, 9),
                path,
            )
    return index


class StdlibFinder:
    """Finds and loads the standard library's modules from the snapshot (a
    meta path finder and loader in one, like ``zipimport``)."""

    def __init__(self, index, unavailable, resources):
        self._index = index
        self._unavailable = unavailable
        self._resources = resources

    def find_spec(self, fullname, path=None, target=None):
        reason = self._unavailable.get(fullname)
        if reason is None:
            reason = self._unavailable.get(fullname.partition(".")[0] + ".*")
        if reason is not None:
            raise ModuleNotFoundError(
                f"No module named '{fullname}': not available in candor's sandbox: {reason}",
                name=fullname,
            )
        entry = self._index.get(fullname)
        if entry is None:
            return None
        is_package, _, _, origin = entry
        spec = ModuleSpec(fullname, self, origin=origin, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.get_code(module.__spec__.name), module.__dict__)

    def get_code(self, fullname):
        return marshal.loads(zlib.decompress(self._entry(fullname)[1]))

    def get_source(self, fullname):
        return zlib.decompress(self._entry(fullname)[2]).decode("utf-8")

    def get_filename(self, fullname):
        return self._entry(fullname)[3]

    def is_package(self, fullname):
        return self._entry(fullname)[0]

    def invalidate_caches(self):
        pass

    def get_resource_reader(self, fullname):
        """What `importlib.resources` reads a package's data files through."""
        if fullname in self._resources or self._index.get(fullname, (False,))[0]:
            return _ResourceReader(self, fullname)
        return None

    def names(self):
        """The module names this finder serves."""
        return self._index.keys()

    def _entry(self, fullname):
        entry = self._index.get(fullname)
        if entry is None:
            raise ImportError(f"candor's standard library has no module {fullname!r}", name=fullname)
        return entry


class _ResourceReader:
    __slots__ = ("_finder", "_package")

    def __init__(self, finder, package):
        self._finder = finder
        self._package = package

    def files(self):
        return _Resource(self._finder, self._package, None)


class _Resource(Traversable):
    """A package's directory (`name` None) or one of its data files, as
    `importlib.resources.files(package)` gives them."""

    def __init__(self, finder, package, name):
        self._finder = finder
        self._package = package
        self._name = name

    @property
    def name(self):
        return self._name if self._name is not None else self._package.rpartition(".")[2]

    def _data(self):
        return self._finder._resources.get(self._package, {}).get(self._name)

    def _subpackage(self):
        return f"{self._package}.{self._name}"

    def is_file(self):
        return self._name is not None and self._data() is not None

    def is_dir(self):
        if self._name is None:
            return True
        return self._finder._index.get(self._subpackage(), (False,))[0]

    def iterdir(self):
        if not self.is_dir():
            raise NotADirectoryError(self.name)
        package = self._package if self._name is None else self._subpackage()
        names = set(self._finder._resources.get(package, {}))
        prefix = package + "."
        for module, entry in self._finder._index.items():
            if module.startswith(prefix) and "." not in module[len(prefix):]:
                names.add(module[len(prefix):] if entry[0] else module[len(prefix):] + ".py")
        return iter([_Resource(self._finder, package, n) for n in sorted(names)])

    def joinpath(self, *descendants):
        if not descendants:
            return self
        names = "/".join(descendants).split("/")
        if self._name is None:
            node = _Resource(self._finder, self._package, names[0])
        else:
            node = _Resource(self._finder, self._subpackage(), names[0])
        return node.joinpath(*names[1:]) if len(names) > 1 else node

    __truediv__ = joinpath

    def open(self, mode="r", *args, **kwargs):
        data = self._data() if self._name is not None else None
        if data is None:
            raise FileNotFoundError(f"{self._package}: no resource {self._name!r}")
        stream = io.BytesIO(zlib.decompress(data))
        if "b" in mode:
            return stream
        return io.TextIOWrapper(stream, *args, **kwargs)

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def read_text(self, encoding=None):
        with self.open("r", encoding=encoding) as f:
            return f.read()

    def __repr__(self):
        return f"<candor resource {self._package}:{self._name}>"


def _package_root(package):
    """The sys.path entry that holds `package` at build time, or None."""
    for entry in sys.path:
        if os.path.isfile(os.path.join(entry, package, "__init__.py")):
            return entry
    return None


def _stdlib_root():
    """The directory of the standard library's sources at build time (`os`
    itself is frozen into the interpreter, so its `__file__` does not say)."""
    for entry in sys.path:
        if os.path.isfile(os.path.join(entry, "tomllib", "__init__.py")):
            return entry
    raise RuntimeError(f"candor build: no standard library on sys.path {sys.path}")


def install():
    """Reads the standard library (at build time), puts the finder in
    ``sys.meta_path`` before the path finder, and makes it the loader of the
    standard-library modules already imported, so that their source is found."""
    root = _stdlib_root()
    index = _collect(root)
    if "_strptime" not in index or "tomllib" not in index:
        raise RuntimeError(f"candor build: the standard library under {root} looks incomplete")
    # the time-zone database (the tzdata package, which zoneinfo falls back on
    # when the system has none, as the sandbox does), with its data files
    resources = {}
    tzdata_root = _package_root("tzdata")
    if tzdata_root is None:
        raise RuntimeError("candor build: the tzdata package is not on sys.path")
    index.update(_collect(os.path.join(tzdata_root, "tzdata"), resources, "tzdata"))
    finder = StdlibFinder(index, _read_unavailable(), resources)
    meta_path = sys.meta_path
    position = len(meta_path)
    for i, entry in enumerate(meta_path):
        if getattr(entry, "__name__", None) == "PathFinder":
            position = i
            break
    meta_path.insert(position, finder)
    for name, module in list(sys.modules.items()):
        spec = getattr(module, "__spec__", None)
        if spec is None or name not in finder._index:
            continue
        if getattr(module, "__file__", None) != finder._index[name][3]:
            continue
        module.__loader__ = finder
        spec.loader = finder
    return finder
