import math


def root(x):
    try:
        return math.sqrt(x)
    except ValueError:
        return 0.0


print(root(16))
