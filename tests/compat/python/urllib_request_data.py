# urllib.request: a data: URL needs no network
import urllib.request

with urllib.request.urlopen("data:text/plain;base64,SGVsbG8sIFdvcmxkIQ==") as resp:
    print(resp.read(), resp.headers.get_content_type())
req = urllib.request.Request("https://example.com/api", data=b"x=1", headers={"X-Test": "1"}, method="PUT")
print(req.get_method(), req.full_url, req.host, req.header_items())
print(urllib.request.pathname2url("a dir/file name.txt"))
