# filecmp and linecache on files the program writes
import filecmp
import linecache
import os

os.makedirs("left", exist_ok=True)
os.makedirs("right", exist_ok=True)
for d, text in [("left", "same"), ("right", "same")]:
    with open(os.path.join(d, "common.txt"), "w") as fh:
        fh.write(text)
with open("left/diff.txt", "w") as fh:
    fh.write("one")
with open("right/diff.txt", "w") as fh:
    fh.write("two")
open("left/only_left.txt", "w").close()
print(filecmp.cmp("left/common.txt", "right/common.txt", shallow=False), filecmp.cmp("left/diff.txt", "right/diff.txt", shallow=False))
dc = filecmp.dircmp("left", "right")
print(sorted(dc.same_files), sorted(dc.diff_files), sorted(dc.left_only), sorted(dc.right_only))
with open("lines.txt", "w") as fh:
    fh.write("first\nsecond\nthird\n")
print(repr(linecache.getline("lines.txt", 2)), repr(linecache.getline("lines.txt", 9)), len(linecache.getlines("lines.txt")))
