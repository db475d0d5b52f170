# shelve: a persistent dictionary in the working directory (a dbm backend under it)
import shelve

with shelve.open("store") as db:
    db["config"] = {"debug": True, "level": 3}
    db["items"] = [1, 2, 3]
    db["text"] = "hello"
with shelve.open("store") as db:
    print(sorted(db.keys()), db["config"], "items" in db)
    tmp = db["items"]
    tmp.append(4)
    db["items"] = tmp
    del db["text"]
with shelve.open("store", flag="r") as db:
    print(sorted(db.items()))
