# candor-args: --max-output 4MiB
# output: 3 000 000 bytes in large writes (candor needs a larger --max-output than its 1 MiB default)
import sys

chunk = ("x" * 999 + "\n") * 1000
for _ in range(3):
    sys.stdout.write(chunk)
sys.stdout.flush()
