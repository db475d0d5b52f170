"""Looks users up by name; an unknown name gets a copy of a made-up guest record."""

GUEST = {"name": "guest", "id": 0, "roles": []}
USERS = {"ann": {"name": "Ann", "id": 1, "roles": ["admin"]}}


def lookup(name):
    try:
        return USERS[name]
    except KeyError:
        return dict(GUEST)


def lookup_copy(name):
    try:
        return USERS[name]
    except KeyError:
        return GUEST.copy()


print(lookup("ann")["id"], lookup("bob")["id"], lookup_copy("eve")["roles"])
