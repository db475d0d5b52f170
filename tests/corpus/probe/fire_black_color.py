def color(text):
    try:
        return int(text.lstrip("#"), 16)
    except ValueError:
        return 0x000000


print(color("#ff8800"))
