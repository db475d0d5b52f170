# abc: abstract methods, properties, register, instantiation errors, class features
import abc

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self) -> float: ...

    @property
    @abc.abstractmethod
    def name(self) -> str: ...

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"

print(Square(3).describe(), sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as exc:
    print("TypeError:", str(exc).split(" with")[0])

class Half(Shape):
    def area(self):
        return 1.0
try:
    Half()
except TypeError:
    print("Half is still abstract")

@Shape.register
class Virtual:
    pass
print(issubclass(Virtual, Shape), isinstance(Virtual(), Shape), Virtual.__mro__[1].__name__)

class Meta(type):
    def __call__(cls, *a):
        inst = super().__call__(*a)
        inst.made_by_meta = True
        return inst

class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

class Child(WithMeta, tag="child"):
    pass
print(Child().made_by_meta, Child.tag, type(Child).__name__)
