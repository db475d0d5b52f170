// TypeScript: interfaces, type aliases, optional and readonly members, index signatures, type-only imports of shapes
interface Address { street: string; city: string; zip?: string }
interface User { readonly id: number; name: string; address?: Address; tags: string[] }
type Dict<T> = { [key: string]: T };
type Handler = (u: User) => string;

const users: User[] = [
  { id: 1, name: "Ann", tags: ["admin"], address: { street: "Main 1", city: "Oslo" } },
  { id: 2, name: "Bob", tags: [] },
];
const describe: Handler = (u) => `${u.name} (${u.id}) in ${u.address?.city ?? "unknown"} [${u.tags.join(",")}]`;
users.forEach((u) => console.log(describe(u)));
const byName: Dict<User> = Object.fromEntries(users.map((u) => [u.name, u]));
console.log(Object.keys(byName).join(","), byName["Ann"].address!.street);
function update<K extends keyof User>(u: User, key: K, value: User[K]): User {
  return { ...u, [key]: value };
}
console.log(JSON.stringify(update(users[1], "name", "Robert")));
const point = { x: 1, y: 2 } as const;
let maybe: string | undefined = undefined;
console.log(point.x + point.y, maybe ?? "none", (<number>(<unknown>"5")) + 1);
