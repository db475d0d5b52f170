# classes: properties, class/static methods, comparison dunders, __slots__ and descriptors
class Temperature:
    __slots__ = ("_c",)
    def __init__(self, c):
        self._c = c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    @classmethod
    def boiling(cls):
        return cls(100)
    @staticmethod
    def valid(c):
        return c >= -273.15
    def __repr__(self):
        return f"Temperature({self._c:.1f})"
    def __eq__(self, other):
        return isinstance(other, Temperature) and self._c == other._c
    def __lt__(self, other):
        return self._c < other._c
    __hash__ = None

t = Temperature(25)
t.fahrenheit = 212
print(t, Temperature.boiling() == t, Temperature.valid(-300), sorted([Temperature(5), Temperature(1)]))
try:
    t.other = 1
except AttributeError:
    print("slots forbid new attributes")

class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)

class Order:
    qty = Positive()
    def __init__(self, qty):
        self.qty = qty

print(Order(3).qty)
try:
    Order(0)
except ValueError as exc:
    print("ValueError:", exc)
