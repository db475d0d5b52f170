# sys.exit(3): output so far is kept and the exit status is 3
import sys

print("partial result")
sys.exit(3)
