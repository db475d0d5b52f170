# argparse: a bad argument prints usage to stderr and exits with status 2
import argparse

parser = argparse.ArgumentParser(prog="calc")
parser.add_argument("n", type=int)
print("parsing")
parser.parse_args(["not-a-number"])
print("not reached")
