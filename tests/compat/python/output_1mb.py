# output: exactly 1 000 000 bytes on stdout (under candor's default 1 MiB cap)
line = "0123456789" * 4 + "abcdefghi\n"
for i in range(20000):
    print(line, end="")
