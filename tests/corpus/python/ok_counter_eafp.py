"""Count words with the try/except KeyError idiom."""

TEXT = "the cat and the hat and the bat"

counts = {}
for word in TEXT.split():
    try:
        counts[word] += 1
    except KeyError:
        counts[word] = 1
print(sorted(counts.items(), key=lambda kv: -kv[1]))
