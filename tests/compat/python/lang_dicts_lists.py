# lists, dicts, tuples and sets: common operations, ordering, unpacking, sorting stability
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: (-t[1], t[0])))
lst = [5, 3, 8]
lst.extend([1, 9])
lst.insert(1, 7)
lst.remove(8)
print(lst, lst.pop(), lst.pop(0), lst.index(3), lst[::2], lst[-1], lst * 2)
first, *middle, last = range(6)
print(first, middle, last)
d = {"x": 1, "y": 2}
d |= {"z": 3}
print(d, d | {"x": 9}, list(d.items())[-1], d.get("q"), d.setdefault("w", 0), d.pop("y"), d)
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1], reverse=True)})
print(dict(zip("abc", range(3))), dict.fromkeys(["a", "b"], 0), list(reversed(d)))
s1, s2 = {1, 2, 3}, {2, 3, 4}
print(sorted(s1 | s2), sorted(s1 & s2), sorted(s1 - s2), sorted(s1 ^ s2), s1 <= {1, 2, 3, 9}, frozenset([1]) in {frozenset([1])})
t = (1, [2, 3])
t[1].append(4)
print(t, (1, 2) < (1, 3), tuple("ab"), (1,) * 3, (3, 1, 2).index(2))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [[0] * 2 for _ in range(2)], sum(matrix, []))
print(min([], default="empty"), max("apple", "fig", key=len), any([]), all([]), sum([0.5, 0.25]), abs(-3))
print(sorted({3: "c", 1: "a"}), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a"])))
