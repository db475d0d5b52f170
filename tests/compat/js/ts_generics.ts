// TypeScript: generic functions, classes and constraints, utility types, keyof, mapped and conditional types
class Stack<T> {
  private items: T[] = [];
  push(...xs: T[]): this { this.items.push(...xs); return this; }
  pop(): T | undefined { return this.items.pop(); }
  get size(): number { return this.items.length; }
}
function firstOr<T, D>(xs: readonly T[], fallback: D): T | D { return xs.length ? xs[0] : fallback; }
function pluck<T, K extends keyof T>(objs: T[], key: K): T[K][] { return objs.map((o) => o[key]); }
type Partialize<T> = { [K in keyof T]?: T[K] };
type ElementOf<T> = T extends (infer E)[] ? E : never;
interface Item { name: string; price: number }
const items: Item[] = [{ name: "pen", price: 2 }, { name: "book", price: 12 }];
const s = new Stack<number>().push(1, 2, 3);
console.log(s.pop(), s.size, firstOr([], "empty"), firstOr(["x"], 0));
console.log(pluck(items, "name").join(","), pluck(items, "price").reduce((a, b) => a + b, 0));
const patch: Partialize<Item> = { price: 3 };
const merged: Required<Item> = { ...items[0], ...patch };
const e: ElementOf<Item[]> = items[1];
const ro: Readonly<Record<"a" | "b", number>> = { a: 1, b: 2 };
console.log(JSON.stringify(merged), e.name, ro.a + ro.b);
function identity<T>(x: T): T { return x; }
console.log(identity<string>("typed"), identity(42) satisfies number);
