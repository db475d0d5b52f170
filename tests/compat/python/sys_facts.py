# sys: version-independent facts (limits, flags, encodings, argv, paths are not printed)
import sys

print(sys.getrecursionlimit(), sys.version_info >= (3, 12), sys.version_info.major)
print(sys.stdout.encoding.lower(), sys.getdefaultencoding(), sys.byteorder)
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), type(sys.argv).__name__, len(sys.argv))
print(sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit in (15, 30))
print(sys.implementation.name, isinstance(sys.path, list), "sys" in sys.builtin_module_names)
print(sys.getsizeof(0) > 0, sys.intern("abc") is sys.intern("abc"), sys.exc_info())
sys.set_int_max_str_digits(5000)
try:
    str(10 ** 6000)
except ValueError:
    print("ValueError for a huge int")
print(hash(1) == 1, hash(-1), hash(2**40) == hash(2**40))
