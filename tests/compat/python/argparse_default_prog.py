# argparse: the default prog name comes from sys.argv[0]
import argparse
import os
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--x", type=int, default=5)
print(parser.prog, os.path.basename(sys.argv[0]), len(sys.argv))
print(parser.parse_args([]).x)
print(parser.format_usage().strip())
