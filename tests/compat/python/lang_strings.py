# str methods and formatting: f-strings, format specs, split/join/strip, case, partition, translate
s = "  Hello, World!  "
print(repr(s.strip()), s.lstrip().lower(), s.rstrip().upper(), s.strip().swapcase(), s.title())
print("a,b,,c".split(","), "a b  c".split(), "x=1=2".partition("="), "x=1=2".rpartition("="))
print("line1\nline2\r\nline3".splitlines(), "-".join(["a", "b"]), "ab" * 3, "abc"[::-1])
print("hello".center(11, "*"), "7".zfill(3), "42".rjust(5), "42".ljust(5) + "|", "tab\there".expandtabs(4))
print("Hello".startswith(("He", "X")), "file.py".endswith(".py"), "banana".count("an"), "banana".find("z"), "banana".rfind("a"))
print("hello world".replace("o", "0", 1), "abc".translate(str.maketrans("ab", "xy", "c")), "ß".upper(), "ǅ".lower())
print("prefix_name".removeprefix("prefix_"), "name.txt".removesuffix(".txt"), "a1".isalnum(), "١٢".isdigit(), " ".isspace())
name, value, width = "pi", 3.14159265, 10
print(f"{name!r:>6} = {value:{width}.3f}|{value:<10.2e}|{value:+.1%}|{1234567:_}|{255:08b}|{'x':^5}|")
print(f"{value=:.2f}", f"{'nested ' + f'{name.upper()}'}", "{0}{1}{0}".format("a", "b"), "%s is %05.1f" % ("x", 2.5))
print("%(a)s-%(b)d" % {"a": "A", "b": 2}, format(1e-10, "g"), format(123456789.0, "g"), f"{3.0:g}", str(1e22), str(1.0e-5))
print(ascii("café ✓"), repr("quote's"), repr('dq"'), "é".encode(), len("🎉"), ord("A"), chr(9731), "\N{SNOWMAN}")
print("Straße".casefold() == "STRASSE".casefold(), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
print("{:,}".format(10**9), "{:.3}".format("abcdef"), "{!s:>4}".format(None), "{:x<4d}".format(7))
