"""Form validation that gathers every problem, then raises them together."""


class FormError(Exception):
    pass


def check_signup(form):
    problems = []
    try:
        age = int(form["age"])
        if age < 18:
            problems.append("must be an adult")
    except KeyError:
        problems.append("age is missing")
    except ValueError:
        problems.append("age is not a number")
    if "@" not in form.get("email", ""):
        problems.append("email is invalid")
    if problems:
        raise FormError(", ".join(problems))
    return form["email"], age


for form in [{"email": "a@b.c", "age": "30"}, {"email": "x", "age": "old"}, {"email": "q@r.s"}]:
    try:
        print(check_signup(form))
    except FormError as error:
        print("refused:", error)
