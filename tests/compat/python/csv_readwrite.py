# csv: reader/writer quoting, DictReader/DictWriter, dialects, Sniffer
import csv
import io

buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["name", "note", "n"])
w.writerow(["Ann", 'says "hi", twice', 3])
w.writerow(["Bob", "multi\nline", 4.5])
text = buf.getvalue()
print(repr(text))
for row in csv.reader(io.StringIO(text)):
    print(row)

buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=["id", "value"], quoting=csv.QUOTE_NONNUMERIC)
dw.writeheader()
dw.writerows([{"id": 1, "value": "x"}, {"id": 2, "value": "y;z"}])
print(buf.getvalue(), end="")
for rec in csv.DictReader(io.StringIO("a;b\n1;2\n3;4\n"), delimiter=";"):
    print(dict(rec))

sample = "x|y|z\n1|2|3\n4|5|6\n"
dialect = csv.Sniffer().sniff(sample)
print("sniffed delimiter", dialect.delimiter, csv.Sniffer().has_header(sample))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL)
print(list(csv.reader(["a|'b'|c"], dialect="pipes")))
print(sorted(csv.list_dialects()))
try:
    list(csv.reader(['a,"b'], strict=True))
except csv.Error as exc:
    print("csv.Error:", exc)
