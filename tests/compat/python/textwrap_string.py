# textwrap and string: wrap, fill, dedent, indent, shorten, Template, Formatter, constants
import string
import textwrap

text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.dedent("""\
    def f():
        return 1
"""))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.shorten("Hello  world, this is a long sentence", width=20, placeholder="..."))
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="Tim", what="tea"), t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as exc:
    print("KeyError", exc)
print(string.capwords("hello   big world"), string.ascii_lowercase, string.digits, string.punctuation)
fmt = string.Formatter()
print(fmt.format("{0}-{name}-{1:>4}", "a", 7, name="n"), list(fmt.parse("x{a}y{b!r:5}")))
print(len(string.printable), repr(string.whitespace))
