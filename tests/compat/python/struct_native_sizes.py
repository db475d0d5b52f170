# struct/array/sys: native C sizes (the sandbox is a 32-bit platform, so these differ from a 64-bit host)
import array
import struct
import sys

print(struct.calcsize("@l"), struct.calcsize("@P"), struct.calcsize("@n"), struct.calcsize("@L"))
print(array.array("l").itemsize, sys.maxsize, sys.maxsize.bit_length())
