NAMES = {"ann": "Ann Smith", "bob": "Bob Jones"}


def full_name(user):
    try:
        return NAMES[user]
    except KeyError:
        return "unknown"


print(full_name("ann"))
