"""Dot product that uses numpy when it is installed and pure Python otherwise."""
try:
    import numpy as np
except ImportError:
    np = None


def dot(a, b):
    if np is not None:
        return float(np.dot(a, b))
    return sum(x * y for x, y in zip(a, b))


print("dot:", dot([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]))
