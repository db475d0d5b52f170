"""Standard-library modules imported while the component is built.

componentize-py snapshots the initialised interpreter, so the modules imported
here are ready in every run at no cost. Every other pure-Python module of the
standard library is still importable (``candor_stdlib`` serves it from the
snapshot on first import): this list only saves the common ones that work.
"""

import importlib

MODULES = """
abc argparse array ast asyncio base64 binascii bisect calendar cmath codecs collections
collections.abc colorsys concurrent.futures contextlib contextvars copy csv dataclasses datetime
decimal difflib dis doctest email.message email.utils enum errno fnmatch fractions functools gc
getopt glob graphlib gzip hashlib heapq hmac html html.parser inspect io ipaddress itertools json
keyword linecache locale logging logging.handlers math mimetypes numbers operator os os.path
pathlib pickle platform pprint queue random re reprlib secrets shlex shutil sqlite3 statistics
string struct sys tempfile textwrap threading time timeit tokenize traceback types typing
unicodedata unittest unittest.mock urllib.parse uuid warnings weakref xml.etree.ElementTree
zipfile zlib zoneinfo
""".split()

LOADED = []
MISSING = {}
for _name in MODULES:
    try:
        importlib.import_module(_name)
        LOADED.append(_name)
    except Exception as _error:  # a module the bundled CPython lacks: record it, keep building
        MISSING[_name] = f"{type(_error).__name__}: {_error}"
