# re: groups, named groups, lookarounds, sub with a function, split, flags, verbose patterns
import re

text = "Order #123 shipped 2024-05-06; order #45 pending 2024-06-07."
print(re.findall(r"#(\d+)", text))
for m in re.finditer(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", text):
    print(m.group(0), m.groupdict(), m.span())
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.split(r"[;,]\s*", "a, b;c,   d"), re.split(r"(-)", "x-y-z", maxsplit=1))
print(re.search(r"(?<=\$)\d+(?=\.)", "cost: $42.50").group())
print(re.search(r"(?<!\w)cat(?!\w)", "concat cat catalog").span())
print(bool(re.fullmatch(r"[\w.]+@[\w.]+", "a.b@c.org")), re.match("b", "abc"))
print(re.findall(r"\w+", "naïve café 東京", flags=re.UNICODE))
print(re.findall(r"(?i)hello", "Hello HELLO hello"))
pat = re.compile(r"""
    (?P<key>[a-z]+)   # key
    \s*=\s*
    (?P<val>"[^"]*"|\S+)
""", re.VERBOSE)
print([m.groups() for m in pat.finditer('a = 1 b="two words" c=3')])
print(re.escape("1+1=2?"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"))
print(re.subn("o", "0", "foo boo"), pat.pattern.count("\n"))
print(re.compile(r"^\s*$", re.M).findall("a\n\n  \nb"))
try:
    re.compile("(unclosed")
except re.error as exc:
    print("re.error:", exc)
