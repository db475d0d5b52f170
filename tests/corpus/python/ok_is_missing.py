"""Check which environment-style keys are absent."""

ENV = {"HOME": "/home/ada", "SHELL": "/bin/zsh"}


def is_missing(key):
    try:
        ENV[key]
        return False
    except KeyError:
        return True


print({key: is_missing(key) for key in ["HOME", "EDITOR"]})
