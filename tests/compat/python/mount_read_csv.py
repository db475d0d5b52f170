# reading input files from a mounted directory: csv, json, a listing and a size
import csv
import json
import os
from collections import defaultdict

totals = defaultdict(float)
with open("data/sales.csv", newline="") as f:
    for row in csv.DictReader(f):
        totals[row["region"]] += float(row["amount"])
for region in sorted(totals):
    print(region, totals[region])
with open("data/item.json") as f:
    item = json.load(f)
print(item["name"], item["tags"], item["price"])
print(sorted(os.listdir("data")))
print(os.path.getsize("data/sales.csv"))
