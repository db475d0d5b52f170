"""A CLI that stops with a message when its input file is missing."""
import sys


def main(path):
    try:
        with open(path) as handle:
            return handle.read()
    except FileNotFoundError:
        print(f"error: {path} not found", file=sys.stderr)
        sys.exit(2)


main("input.txt")
