# difflib: unified and context diffs, ndiff, SequenceMatcher, close matches
import difflib

a = ["one\n", "two\n", "three\n", "four\n"]
b = ["one\n", "2\n", "three\n", "four\n", "five\n"]
print("".join(difflib.unified_diff(a, b, fromfile="a.txt", tofile="b.txt")))
print("".join(difflib.context_diff(a, b, n=1)))
print("".join(difflib.ndiff(["kitten\n"], ["sitting\n"])))
sm = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(sm.ratio(), sm.get_opcodes(), sm.find_longest_match(0, 5, 0, 4))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(list(difflib.restore(difflib.ndiff(["a\n"], ["b\n"]), 2)))
