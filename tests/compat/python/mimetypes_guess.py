# mimetypes: guesses from the built-in table (a MimeTypes instance reads no system files)
import mimetypes

m = mimetypes.MimeTypes()
for name in ["index.html", "data.json", "photo.PNG", "notes.txt", "table.csv", "archive.tar.gz", "x.unknownext", "a.pdf"]:
    print(name, m.guess_type(name))
print(m.guess_extension("application/json"), m.guess_type("https://example.com/a/b.css?x=1"))
print(sorted(m.guess_all_extensions("image/jpeg")))
