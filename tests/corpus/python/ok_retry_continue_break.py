"""Read a sensor until it returns a sane value."""

READINGS = iter(["-", "err", "21.7", "22.0"])


def read_sensor():
    raw = next(READINGS)
    return float(raw)


while True:
    try:
        value = read_sensor()
    except ValueError:
        continue
    break
print("first good reading:", value)
