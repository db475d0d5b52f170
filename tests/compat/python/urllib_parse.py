# urllib.parse: split, join, quote, query strings
from urllib.parse import (parse_qs, parse_qsl, quote, quote_plus, unquote, unquote_plus, urldefrag, urlencode,
                          urljoin, urlparse, urlsplit, urlunparse)

u = urlparse("https://user:pw@example.com:8443/a/b;p?q=1&r=two+words&q=3#frag")
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.params, u.query, u.fragment, u.username, u.password)
print(parse_qs(u.query), parse_qsl(u.query))
print(urlunparse(u._replace(fragment="", query="x=1")))
print(urljoin("https://a.com/x/y/z.html", "../img/p.png"), urljoin("https://a.com/x/", "//b.org/c"))
print(quote("a b/c?d=é"), quote("a b/c", safe=""), quote_plus("a b&c"), unquote("%E2%9C%93"), unquote_plus("a+b%21"))
print(urlencode({"q": "hello world", "n": 5, "list": ["a", "b"]}, doseq=True))
print(urlsplit("file:///etc/hosts"), urldefrag("http://x.org/p#sec"))
print(urlparse("//example.com/path").netloc, urlparse("mailto:someone@example.com").path)
