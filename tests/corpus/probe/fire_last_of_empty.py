def last(items):
    try:
        return items[-1]
    except IndexError:
        return 0


print(last([4, 5, 6]))
