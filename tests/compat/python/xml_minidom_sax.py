# xml.dom.minidom and xml.sax: DOM traversal, pretty printing, SAX events
import xml.dom.minidom
import xml.sax

dom = xml.dom.minidom.parseString("<root><item n='1'>one</item><item n='2'>two</item></root>")
items = dom.getElementsByTagName("item")
print([(i.getAttribute("n"), i.firstChild.data) for i in items])
new = dom.createElement("item")
new.setAttribute("n", "3")
new.appendChild(dom.createTextNode("three & more"))
dom.documentElement.appendChild(new)
print(dom.toprettyxml(indent="  "))
print(dom.documentElement.toxml())

class Handler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.seen = []
    def startElement(self, name, attrs):
        self.seen.append(f"<{name} {dict(attrs)}>")
    def characters(self, content):
        if content.strip():
            self.seen.append(content.strip())

h = Handler()
xml.sax.parseString(b"<a x='1'><b>text</b><c/></a>", h)
print(h.seen)
