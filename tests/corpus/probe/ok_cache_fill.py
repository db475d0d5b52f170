CACHE = {}


def square(n):
    try:
        return CACHE[n]
    except KeyError:
        CACHE[n] = n * n
        return CACHE[n]


print(square(4), square(4))
