"""Sum the ages column of a survey."""


def safe_int(text):
    try:
        return int(text)
    except ValueError:
        return 0


AGES = ["34", "n/a", "27", "", "45"]
ages = [safe_int(a) for a in AGES]
print("average age:", sum(ages) / len(ages))
