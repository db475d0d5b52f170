# xml.etree.ElementTree: parse, find, iterate, modify, serialise, namespaces
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<library xmlns:x="urn:extra">
  <book id="1" lang="en"><title>Dune</title><year>1965</year><x:rating>5</x:rating></book>
  <book id="2" lang="fr"><title>L'Etranger</title><year>1942</year></book>
  <magazine id="3"><title>Wired</title></magazine>
</library>"""
root = ET.fromstring(doc)
print(root.tag, len(root), [c.tag for c in root])
for book in root.findall("book"):
    print(book.get("id"), book.findtext("title"), int(book.find("year").text), book.attrib)
print([t.text for t in root.iter("title")], root.find("./book[@lang='fr']/title").text)
print(root.find("book/{urn:extra}rating").text, root.find("book/x:rating", {"x": "urn:extra"}).text)
new = ET.SubElement(root, "book", id="4")
ET.SubElement(new, "title").text = "Neuromancer & more"
root.remove(root.find("magazine"))
ET.indent(root, space=" ")
print(ET.tostring(root, encoding="unicode"))
tree = ET.ElementTree(ET.fromstring("<a><b>1</b></a>"))
tree.write("out.xml", encoding="utf-8", xml_declaration=True)
print(open("out.xml", encoding="utf-8").read())
print(ET.parse("out.xml").getroot().find("b").text)
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as exc:
    print("ParseError:", exc)
