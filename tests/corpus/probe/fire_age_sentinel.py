def age(person):
    try:
        return int(person["age"])
    except (KeyError, TypeError, ValueError):
        return -1


print(age({"age": "30"}))
