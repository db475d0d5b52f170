"""Use a connection and always close it."""


class Connection:
    def __init__(self):
        self.open = True

    def query(self, sql):
        raise RuntimeError(f"syntax error in {sql!r}")

    def close(self):
        self.open = False


conn = Connection()
try:
    try:
        conn.query("SELEC 1")
    finally:
        conn.close()
except RuntimeError as error:
    print("query failed:", error)
print("connection open:", conn.open)
