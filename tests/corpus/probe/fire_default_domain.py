def domain(email):
    try:
        return email.split("@")[1]
    except IndexError:
        return "example.com"


print(domain("ann@mail.org"))
