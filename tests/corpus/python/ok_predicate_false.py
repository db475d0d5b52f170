"""Validate port numbers."""


def is_valid_port(text):
    if not text:
        return False
    try:
        port = int(text)
    except ValueError:
        return False
    return 0 < port < 65536


for text in ["8080", "http", "", "70000"]:
    print(repr(text), is_valid_port(text))
