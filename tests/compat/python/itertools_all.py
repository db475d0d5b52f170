# itertools: the combinatoric, grouping and slicing tools
import itertools as it
import operator

print(list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 4], max, initial=0)))
print(list(it.batched("abcdefg", 3)))
print(list(it.pairwise([1, 2, 4, 8])))
print([(k, len(list(g))) for k, g in it.groupby("aaabccdd")])
print(list(it.product("ab", repeat=2)), len(list(it.permutations(range(5), 3))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.chain.from_iterable([[1], [2, 3]])), list(it.islice(it.count(10, 5), 3)))
print(list(it.islice(it.cycle("xy"), 5)), list(it.repeat(7, 3)))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.filterfalse(str.isdigit, "a1b2")))
print(list(it.zip_longest("abc", "x", fillvalue="-")), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
