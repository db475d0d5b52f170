"""Probe a host a few times and report whether it is reachable."""


def probe(host):
    raise TimeoutError(f"{host} did not answer")


def reachable(host, attempts=3):
    for attempt in range(attempts):
        try:
            probe(host)
            return True
        except TimeoutError:
            continue
    return False


print("db reachable:", reachable("db.internal"))
