"""Open a database connection, retrying while the server starts."""


class Server:
    def __init__(self):
        self.tries = 0

    def connect(self):
        self.tries += 1
        if self.tries < 2:
            raise ConnectionRefusedError("server not ready")
        return f"connection #{self.tries}"


def connect(server, attempts=5):
    for attempt in range(attempts):
        try:
            return server.connect()
        except ConnectionRefusedError:
            continue
    raise RuntimeError("server never came up")


print("got", connect(Server()))
