// TypeScript: parameter properties, access modifiers, abstract classes, implements, overloads, declare fields
interface Shape { area(): number; readonly kind: string }
abstract class Base implements Shape {
  abstract readonly kind: string;
  constructor(protected readonly label: string) {}
  abstract area(): number;
  describe(): string { return `${this.label}: ${this.kind} with area ${this.area().toFixed(2)}`; }
}
class Circle extends Base {
  readonly kind = "circle";
  constructor(label: string, private r: number) { super(label); }
  area(): number { return Math.PI * this.r ** 2; }
}
class Rect extends Base {
  readonly kind = "rect";
  constructor(label: string, public w: number, public h: number) { super(label); }
  area() { return this.w * this.h; }
}
function format(x: number): string;
function format(x: string): string;
function format(x: number | string): string { return typeof x === "number" ? x.toFixed(1) : x.toUpperCase(); }
const shapes: Shape[] = [new Circle("c1", 1), new Rect("r1", 2, 3)];
for (const s of shapes) console.log((s as Base).describe());
console.log(format(2), format("abc"), (shapes[1] as Rect).w, JSON.stringify(shapes[1]));
class Counter { static #instances = 0; count!: number; constructor() { Counter.#instances++; } static get instances() { return Counter.#instances; } }
new Counter(); new Counter();
console.log(Counter.instances, "count" in new Counter());
