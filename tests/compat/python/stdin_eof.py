# input() with an empty stdin raises EOFError; sys.stdin reads return ''
import sys

print(repr(sys.stdin.read()))
try:
    input("prompt> ")
except EOFError as exc:
    print("EOFError:", exc)
