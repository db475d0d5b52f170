# an uncaught ValueError: exit status 1, the error on the last stderr line
def parse(text):
    return int(text)

print(parse("12"))
print(parse("twelve"))
