# logging: basicConfig to stdout, levels, formatters, handlers, hierarchy, exceptions
import io
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.debug("hidden")
log.info("started %d workers", 4)
log.warning("disk %s%% full", 91)
child = logging.getLogger("app.db")
child.error("connection lost")
print(child.parent is log, child.getEffectiveLevel() == logging.INFO)
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("[%(levelname)-8s] %(funcName)s:%(lineno)d %(message)s"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(h)
other.setLevel(logging.DEBUG)
def where():
    other.debug("from a function")
where()
try:
    1 / 0
except ZeroDivisionError:
    other.exception("failed")
text = buf.getvalue().splitlines()
print(text[0], text[1], text[-1])
logging.getLogger("quiet").addHandler(logging.NullHandler())
logging.getLogger("quiet").propagate = False
logging.getLogger("quiet").critical("nothing shown")
print(logging.getLevelName(30), logging.getLevelName("ERROR"))
