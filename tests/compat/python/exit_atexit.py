# atexit: handlers run in reverse order at normal exit
import atexit

atexit.register(print, "registered first, runs last")

@atexit.register
def goodbye():
    print("goodbye runs first")

print("main body")
