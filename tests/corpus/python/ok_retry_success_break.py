"""Download a file, retrying once on a timeout."""


class Downloader:
    def __init__(self):
        self.attempts = 0

    def get(self, url):
        self.attempts += 1
        if self.attempts == 1:
            raise TimeoutError("read timed out")
        return b"payload-bytes"


def download(url):
    client = Downloader()
    data = b""
    for attempt in range(3):
        try:
            data = client.get(url)
            break
        except TimeoutError:
            pass
    return data


print("downloaded", len(download("https://example.com/file")), "bytes")
