"""Checks each URL's status; a lookup that fails is recorded as failed."""
STATUS = {"a.example": 200, "b.example": 404}


def check(urls):
    results = []
    for url in urls:
        try:
            results.append({"url": url, "status": STATUS[url], "ok": STATUS[url] < 400})
        except KeyError:
            results.append({"url": url, "status": "unreachable", "ok": False})
    return results


for row in check(["a.example", "c.example"]):
    print(row)
