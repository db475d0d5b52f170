def port(config):
    try:
        return int(config["port"])
    except (KeyError, ValueError):
        return 8080


print(port({"port": "80"}))
