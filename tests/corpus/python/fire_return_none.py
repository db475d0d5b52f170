"""Fetch a user's email address from the directory."""

DIRECTORY = {"u1": {"email": "ada@example.com"}, "u2": {"name": "Grace"}}


def email_of(user_id):
    try:
        return DIRECTORY[user_id]["email"]
    except Exception:
        return None


for uid in ("u1", "u2"):
    print(uid, email_of(uid))
