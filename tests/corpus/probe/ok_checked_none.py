def parse_count(text):
    try:
        return int(text)
    except ValueError:
        return None


count = parse_count("3")
if count is None:
    print("no count")
else:
    print(count + 1)
