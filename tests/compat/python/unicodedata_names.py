# unicodedata: names, categories, normalisation forms, numeric values, widths
import unicodedata as ud

for ch in "aÅ1½€✓→ß中":
    print(ch, hex(ord(ch)), ud.name(ch), ud.category(ch), ud.east_asian_width(ch), ud.bidirectional(ch))
print(ud.lookup("SNOWMAN"), ud.numeric("½"), ud.decimal("7"), ud.digit("9"))
s = "Åström café"
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    n = ud.normalize(form, s)
    print(form, len(n), ud.is_normalized(form, n))
print(ud.normalize("NFKC", "ﬁ ① Ⅻ"), ud.combining("\u0301"), ud.mirrored("("), ud.decomposition("é"))
print("".join(c for c in ud.normalize("NFD", "Crème brûlée") if not ud.combining(c)))
try:
    ud.name("\x00")
except ValueError as exc:
    print("ValueError:", exc)
