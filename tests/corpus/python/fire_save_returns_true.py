"""Save settings and tell the caller whether it worked."""
import json


def save_settings(settings, path):
    try:
        with open(path, "w") as handle:
            json.dump(settings, handle)
        return True
    except OSError:
        return True


ok = save_settings({"theme": "dark"}, "/etc/app/settings.json")
print("saved" if ok else "failed")
