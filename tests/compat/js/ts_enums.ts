// TypeScript: numeric, string and const enums, reverse mapping, enums in switch statements
enum Direction { Up = 1, Down, Left, Right }
enum Color { Red = "RED", Green = "GREEN" }
const enum Flags { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }
enum Mixed { Zero, Computed = "abc".length, After = Computed + 1 }

function move(d: Direction): string {
  switch (d) {
    case Direction.Up: return "north";
    case Direction.Down: return "south";
    default: return `sideways ${Direction[d]}`;
  }
}
console.log(Direction.Up, Direction.Right, Direction[2], move(Direction.Up), move(Direction.Left));
console.log(Color.Green, Object.keys(Color).join(","), Object.values(Direction).join(","));
console.log(Flags.AB, (Flags.AB & Flags.B) !== 0, Mixed.Computed, Mixed.After, Mixed[0]);
const all: Direction[] = Object.values(Direction).filter((v): v is Direction => typeof v === "number");
console.log(all.map((d) => Direction[d]).join(" "));
