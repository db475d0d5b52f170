# configparser: read a string, interpolation, typed getters, write back
import configparser
import io

text = """
[DEFAULT]
base = /srv
debug = no

[app]
path = %(base)s/app
workers = 4
ratio = 0.75

[db]
host = localhost
debug = yes
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections())
print(cp["app"]["path"], cp.getint("app", "workers"), cp.getfloat("app", "ratio"))
print(cp.getboolean("app", "debug"), cp.getboolean("db", "debug"))
print(sorted(cp["db"].keys()))
print(cp.get("db", "missing", fallback="dflt"))
cp["new"] = {"key": "value", "n": "1"}
out = io.StringIO()
cp.write(out)
print(out.getvalue())
try:
    cp.get("app", "nope")
except configparser.NoOptionError as exc:
    print("NoOptionError:", exc)
raw = configparser.RawConfigParser()
raw.read_string("[s]\nx = %(y)s\n")
print(raw.get("s", "x"))
