# html and html.parser: escaping, entities, a tag-collecting parser
import html
from html.parser import HTMLParser

print(html.escape('<a href="x">Tom & "Jerry"</a>'), html.escape("'q'", quote=False))
print(html.unescape("&lt;p&gt; &amp;amp; &eacute; &#x263A; &#9731; &nbsp;|"))

class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.events = []
    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))
    def handle_endtag(self, tag):
        self.events.append(("end", tag))
    def handle_data(self, data):
        if data.strip():
            self.events.append(("data", data.strip()))
    def handle_comment(self, data):
        self.events.append(("comment", data))

p = Collector()
p.feed("<html><body class='main' id=x><p>Hello <b>world</b>!</p><!-- note --><br/>"
       "<a href=\"/u?a=1&amp;b=2\">link</a><script>if (a < b) {}</script></body></html>")
p.close()
for event in p.events:
    print(event)
