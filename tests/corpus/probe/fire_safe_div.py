def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return 0


print(safe_div(6, 3))
