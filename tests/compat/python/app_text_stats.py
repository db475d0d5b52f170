# a typical script: word frequencies, n-grams and a histogram from an embedded text
import re
from collections import Counter

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity."""
words = re.findall(r"[a-z']+", TEXT.lower())
freq = Counter(words)
print(len(words), len(freq))
for word, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]:
    print(f"{word:>12} {'#' * n} {n}")
bigrams = Counter(zip(words, words[1:]))
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
lengths = Counter(len(w) for w in words)
print(sorted(lengths.items()), round(sum(map(len, words)) / len(words), 3))
print(max(words, key=len), sorted(set(words) - {"it", "was", "the", "of"}))
