def words(text):
    return [w.lower() for w in text.split() if w.isalpha()]


def total(values):
    return sum(values)


print(words("Hello brave new world 42"), total([1, 2, 3]))
