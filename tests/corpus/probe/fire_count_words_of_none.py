def count_words(text):
    try:
        return len(text.split())
    except AttributeError:
        return 0


print(count_words("one two three"))
