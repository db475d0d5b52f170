# RecursionError: an uncaught one ends the program with status 1 and the error as the last stderr line
def down(n):
    return down(n + 1) + 1

print("before")
down(0)
