def conversion(stats):
    try:
        return stats["orders"] / stats["visits"]
    except ZeroDivisionError:
        return 0.0


week = {"visits": 120, "orders": 6}
print(conversion(week))
