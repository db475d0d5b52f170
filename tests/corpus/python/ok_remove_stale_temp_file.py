"""Write a report through a temporary file, removing a stale one first."""
import os

TMP = "report.tmp"
FINAL = "report.txt"


def write_report(lines):
    try:
        os.remove(TMP)
    except FileNotFoundError:
        pass
    with open(TMP, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(TMP, FINAL)


write_report(["sales: 120", "refunds: 4"])
with open(FINAL) as handle:
    print(handle.read(), end="")
