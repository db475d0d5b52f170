// TypeScript: discriminated unions, type guards, assertion functions, never checks, satisfies, as const
type Result<T> = { ok: true; value: T } | { ok: false; error: string };
type Shape = { kind: "circle"; r: number } | { kind: "square"; side: number };
function area(s: Shape): number {
  switch (s.kind) {
    case "circle": return Math.round(Math.PI * s.r * s.r);
    case "square": return s.side ** 2;
    default: { const never: never = s; return never; }
  }
}
function isString(x: unknown): x is string { return typeof x === "string"; }
function assertPositive(n: number): asserts n { if (n <= 0) throw new RangeError(`not positive: ${n}`); }
function parse(s: string): Result<number> {
  const n = Number(s);
  return Number.isNaN(n) ? { ok: false, error: `bad number ${JSON.stringify(s)}` } : { ok: true, value: n };
}
console.log(area({ kind: "circle", r: 2 }), area({ kind: "square", side: 3 }));
for (const r of ["12", "x"].map(parse)) console.log(r.ok ? `value ${r.value}` : `error ${r.error}`);
const mixed: unknown[] = [1, "two", null, { three: 3 }];
console.log(mixed.filter(isString).join(","), mixed.map((m) => (m === null ? "null" : typeof m)).join(","));
const config = { port: 8080, host: "localhost" } satisfies Record<string, string | number>;
const modes = ["fast", "slow"] as const;
console.log(config.port + 1, modes.join("|"));
assertPositive(5);
try { assertPositive(-1); } catch (e) { console.log((e as Error).name, (e as Error).message); }
