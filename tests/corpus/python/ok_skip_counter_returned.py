"""Parse a batch of measurements; the caller logs how many were unreadable."""
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")


def parse_batch(lines):
    values, bad = [], 0
    for line in lines:
        try:
            values.append(float(line))
        except ValueError:
            bad += 1
    return values, bad


values, bad = parse_batch(["1.5", "2.25", "--", "3.0", "NaN?"])
if bad:
    logging.warning("%d unreadable measurements skipped", bad)
print(f"mean of {len(values)} values: {sum(values) / len(values):.3f}")
