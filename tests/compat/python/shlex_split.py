# shlex: split, quote, join, lexer tokens
import shlex

print(shlex.split('cmd -x "a b" \'c d\' e\\ f # not a comment'))
print(shlex.split("a # comment", comments=True))
print(shlex.quote("it's here"), shlex.quote("plain"), shlex.quote(""))
print(shlex.join(["echo", "a b", "$HOME"]))
lex = shlex.shlex("a=1 && b='two' || c", posix=True, punctuation_chars=True)
print(list(lex))
try:
    shlex.split('unterminated "quote')
except ValueError as exc:
    print("ValueError:", exc)
