"""Read the worker count, warning when the value is unusable."""
import warnings


def worker_count(raw):
    try:
        return int(raw)
    except ValueError as error:
        warnings.warn(f"WORKERS={raw!r} is not a number ({error}); using 4")
        return 4


print("workers:", worker_count("many"))
