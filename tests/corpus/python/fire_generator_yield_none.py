"""Stream measurements, converting each reading to a float."""

READINGS = ["12.5", "13.1", "err", "12.9"]


def measurements(raw):
    for value in raw:
        try:
            yield float(value)
        except ValueError:
            yield None


values = list(measurements(READINGS))
print("values:", values)
print("valid:", [v for v in values if v is not None])
