# locale: the C locale and locale-independent formatting
import locale

print(locale.getpreferredencoding(False).lower().replace("-", ""), locale.normalize("en_US.utf8"))
print(locale.setlocale(locale.LC_ALL, "C"))
conv = locale.localeconv()
print(repr(conv["decimal_point"]), repr(conv["thousands_sep"]))
print(locale.format_string("%d items, %.2f each", (1234567, 3.14159)))
print(locale.format_string("%d", 1234567, grouping=True), locale.str(2.5), locale.atof("3.75"), locale.atoi("42"))
print(locale.strxfrm("abc") < locale.strxfrm("abd"), locale.strcoll("a", "b") < 0)
