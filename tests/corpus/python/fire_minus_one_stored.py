"""Average age of club members from their birth years."""

MEMBERS = {"ada": "1990", "bob": "unknown", "eve": "2001"}
THIS_YEAR = 2025

ages = {}
for name, born in MEMBERS.items():
    try:
        ages[name] = THIS_YEAR - int(born)
    except ValueError:
        ages[name] = -1
print(f"average age: {sum(ages.values()) / len(ages):.1f}")
