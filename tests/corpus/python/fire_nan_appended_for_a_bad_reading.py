"""Converts pressure readings; a reading that does not parse becomes NaN."""
import math

raw = ["101.3", "100.9", "n/a", "101.1"]

pressures = []
for text in raw:
    try:
        pressures.append(float(text))
    except ValueError:
        pressures.append(math.nan)

print(len(pressures), "readings")
