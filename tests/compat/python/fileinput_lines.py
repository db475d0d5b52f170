# fileinput: iterate over several files the program writes, with names and line numbers, in-place edits
import fileinput

for name, text in [("one.txt", "alpha\nbeta\n"), ("two.txt", "gamma\n")]:
    with open(name, "w") as fh:
        fh.write(text)
with fileinput.input(files=["one.txt", "two.txt"]) as f:
    for line in f:
        print(f.filename(), f.lineno(), f.filelineno(), f.isfirstline(), line.rstrip())
with fileinput.input(files=["one.txt"], inplace=True) as f:
    for line in f:
        print(line.rstrip().upper())
print(open("one.txt").read().split())
