# an uncaught ExceptionGroup, and except* handling of another one
def handle():
    try:
        raise ExceptionGroup("many", [ValueError("v"), TypeError("t"), KeyError("k")])
    except* ValueError as eg:
        print("handled", [str(e) for e in eg.exceptions])
    except* (TypeError, KeyError) as eg:
        print("handled", sorted(type(e).__name__ for e in eg.exceptions))

handle()
raise ExceptionGroup("batch failed", [RuntimeError("first"), OSError("second")])
