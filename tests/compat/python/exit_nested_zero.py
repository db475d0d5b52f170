# SystemExit(0) raised deep in the call stack ends the program cleanly; finally blocks run
import sys

def leave():
    try:
        sys.exit(0)
    finally:
        print("finally runs")

def outer():
    leave()
    print("not reached")

outer()
