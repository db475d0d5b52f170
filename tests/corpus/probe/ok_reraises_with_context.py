def parse_port(text):
    try:
        port = int(text)
    except ValueError:
        raise ValueError(f"not a port: {text!r}") from None
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port


print(parse_port("8080"))
