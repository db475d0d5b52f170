# output: interleaved stdout and stderr, unicode, flushes, and a final stderr line
import sys

for i in range(5):
    print(f"out {i}")
    print(f"err {i}", file=sys.stderr)
print("ünïcödé ✓ 日本語 🎉")
sys.stdout.write("no newline at end")
sys.stderr.write("last stderr line\n")
