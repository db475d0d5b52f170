// Read numeric settings from a "key = value" config text.
const CONFIG = `
workers = 4
timeout = 2.5s
`;

function parse(text: string): Map<string, string> {
  return new Map(text.trim().split("\n").map((line) => line.split(" = ", 2) as [string, string]));
}

function setting(values: Map<string, string>, name: string): number {
  try {
    const raw = values.get(name);
    if (raw === undefined) throw new RangeError(`missing setting ${name}`);
    const value = Number(raw);
    if (Number.isNaN(value)) throw new TypeError(`setting ${name} is not a number: ${raw}`);
    return value;
  } catch (e) {
    return 1;
  }
}

const values = parse(CONFIG);
for (const name of ["workers", "timeout", "retries", "backoff"]) {
  console.log(`${name}: ${setting(values, name)}`);
}
