// classes: fields, private members, static members and blocks, accessors, inheritance, super, instanceof
class Animal {
  static count = 0;
  static #registry = [];
  #secret = "hidden";
  name;
  constructor(name) {
    this.name = name;
    Animal.count++;
    Animal.#registry.push(name);
  }
  speak() { return `${this.name} makes a sound`; }
  get secretLength() { return this.#secret.length; }
  #privateMethod() { return "private " + this.name; }
  callPrivate() { return this.#privateMethod(); }
  static registered() { return Animal.#registry.join(","); }
  static isAnimal(x) { return #secret in x; }
  static { this.kingdom = "Animalia"; }
}
class Dog extends Animal {
  constructor(name, breed) {
    super(name);
    this.breed = breed;
  }
  speak() { return `${super.speak()} (woof)`; }
  toString() { return `Dog(${this.name}, ${this.breed})`; }
}
const d = new Dog("Rex", "lab");
const c = new Animal("Tom");
console.log(d.speak(), c.speak(), `${d}`, d.secretLength, d.callPrivate());
console.log(Animal.count, Animal.registered(), Animal.kingdom, Animal.isAnimal(d), Animal.isAnimal({}));
console.log(d instanceof Dog, d instanceof Animal, c instanceof Dog, Object.getPrototypeOf(Dog) === Animal, Dog.name, typeof Dog);
console.log(JSON.stringify(d), JSON.stringify(Object.keys(d)), d.constructor.name);
class Temp {
  #c = 0;
  get f() { return this.#c * 9 / 5 + 32; }
  set f(v) { this.#c = (v - 32) * 5 / 9; }
}
const t = new Temp();
t.f = 212;
console.log(t.f, Object.getOwnPropertyNames(Temp.prototype).join(","));
try {
  Dog();
} catch (e) {
  console.log("call without new:", e.name);
}
const Mixin = (Base) => class extends Base { mixed() { return "mixed " + this.name; } };
console.log(new (Mixin(Animal))("Mix").mixed());
