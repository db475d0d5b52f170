# optparse and getopt: the older option parsers
import getopt
import optparse

p = optparse.OptionParser(usage="%prog [options] file", prog="old")
p.add_option("-n", "--num", type="int", dest="num", default=1)
p.add_option("-q", action="store_false", dest="verbose", default=True)
p.add_option("--name", metavar="NAME")
opts, args = p.parse_args(["-n", "5", "-q", "--name=bob", "file.txt"])
print(opts.num, opts.verbose, opts.name, args)
print(p.format_help())
opts, args = getopt.getopt(["-a", "-b", "val", "--long=x", "rest"], "ab:", ["long="])
print(opts, args)
print(getopt.gnu_getopt(["x", "-a", "y"], "a"))
try:
    getopt.getopt(["-z"], "ab")
except getopt.GetoptError as exc:
    print("GetoptError:", exc.msg, exc.opt)
