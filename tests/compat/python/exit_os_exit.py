# os._exit(4): immediate exit with status 4 after an explicit flush
import os
import sys

print("flushed line")
sys.stdout.flush()
os._exit(4)
