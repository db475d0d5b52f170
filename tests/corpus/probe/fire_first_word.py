def first_word(text):
    try:
        return text.split()[0]
    except IndexError:
        return ""


print(first_word("hello world"))
