# warnings: filters, catch_warnings(record=True), simplefilter("error"), category, stacklevel
import warnings

def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_api()
    warnings.warn("plain user warning")
    warnings.warn("runtime thing", RuntimeWarning)
for w in caught:
    print(w.category.__name__, str(w.message), w.lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        warnings.warn("now an error")
    except UserWarning as exc:
        print("raised:", exc)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for _ in range(3):
        warnings.warn("once per location")
print(len(caught))
warnings.filterwarnings("ignore", message="ignored.*")
warnings.warn("ignored please")
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line of code").strip())
