"""Call a flaky API a few times, then give up loudly."""


class Api:
    def __init__(self):
        self.calls = 0

    def get(self):
        self.calls += 1
        raise ConnectionError("upstream reset the connection")


def fetch(api, attempts=3):
    for attempt in range(attempts):
        try:
            return api.get()
        except ConnectionError:
            continue
    raise RuntimeError(f"gave up after {attempts} attempts")


try:
    fetch(Api())
except RuntimeError as error:
    print("error:", error)
