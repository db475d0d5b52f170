# tomllib: tables, arrays of tables, dates, errors
import tomllib

doc = """
title = "demo"
[owner]
name = "Tom"
dob = 1979-05-27T07:32:00-08:00
[database]
ports = [8000, 8001, 8002]
enabled = true
ratio = 0.5
[[fruits]]
name = "apple"
[[fruits]]
name = "banana"
tags = ["yellow", "curved"]
"""
data = tomllib.loads(doc)
print(data["title"], data["owner"]["name"], data["owner"]["dob"].isoformat())
print(data["database"], [f["name"] for f in data["fruits"]])
print(data["fruits"][1]["tags"], type(data["database"]["ratio"]).__name__)
try:
    tomllib.loads("a = 1\na = 2")
except tomllib.TOMLDecodeError as exc:
    print("TOMLDecodeError", str(exc).splitlines()[0])
