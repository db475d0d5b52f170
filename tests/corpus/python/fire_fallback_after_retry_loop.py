# a constant returned once every attempt failed: the success path returned
# inside the try, so this return runs only after the handler swallowed
MIRRORS = {"b": {"price": 12}}


def fetch(names):
    for name in names:
        try:
            return MIRRORS[name]
        except KeyError:
            continue
    return {"price": 0}


print(fetch(["a", "c"]))
