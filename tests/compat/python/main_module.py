# __main__: the program runs as the __main__ module, and sys.modules["__main__"] is it
import sys

print(__name__)
main = sys.modules["__main__"]
print(main.__dict__ is globals(), main.__name__)
VALUE = 41
print(main.VALUE + 1)
def helper():
    return "helper"
import __main__
print(__main__.helper(), __main__ is main)
print(getattr(main, "__spec__", None) is None, __doc__)
if __name__ == "__main__":
    print("guarded block runs")
