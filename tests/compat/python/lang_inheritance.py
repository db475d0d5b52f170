# classes: inheritance and super() through the MRO, operator overloading, container dunders
class Base:
    def hello(self):
        return "base"
class Mid(Base):
    def hello(self):
        return "mid>" + super().hello()
class Leaf(Mid):
    def hello(self):
        return "leaf>" + super().hello()
print(Leaf().hello(), [c.__name__ for c in Leaf.__mro__])
class Vec:
    def __init__(self, *xs): self.xs = xs
    def __add__(self, o): return Vec(*(a + b for a, b in zip(self.xs, o.xs)))
    def __mul__(self, k): return Vec(*(a * k for a in self.xs))
    __rmul__ = __mul__
    def __len__(self): return len(self.xs)
    def __iter__(self): return iter(self.xs)
    def __bool__(self): return any(self.xs)
    def __repr__(self): return f"Vec{self.xs}"
print(Vec(1, 2) + Vec(3, 4), 2 * Vec(1, 1), len(Vec(0, 0)), bool(Vec(0, 0)), list(Vec(5, 6)))
