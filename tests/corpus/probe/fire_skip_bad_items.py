def to_ints(items):
    result = []
    for item in items:
        try:
            result.append(int(item))
        except (TypeError, ValueError):
            continue
    return result


print(to_ints(["1", "2"]))
