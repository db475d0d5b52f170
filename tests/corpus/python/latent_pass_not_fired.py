"""Normalise product names; the handler is never reached with this data."""

NAMES = ["  Widget ", "GADGET", "gizmo"]


def normalise(name):
    try:
        return name.strip().title()
    except AttributeError:
        pass


print([normalise(n) for n in NAMES])
