# sys.argv[0] and __file__ name the program file
import os
import sys

print(os.path.basename(sys.argv[0]), sys.argv[1:], os.path.basename(__file__))
