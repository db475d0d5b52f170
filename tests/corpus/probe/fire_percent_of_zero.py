def percent(part, whole):
    try:
        return round(100 * part / whole, 1)
    except ZeroDivisionError:
        return 100.0


print(percent(1, 4))
