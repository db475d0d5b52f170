// Resolve product ids to display names, caching each catalogue lookup.
class Catalogue {
  private cache = new Map<string, string>();
  backendCalls = 0;

  constructor(private backend: Record<string, string>) {}

  private cached(id: string): string {
    const hit = this.cache.get(id);
    if (hit === undefined) throw new Error(`cache miss: ${id}`);
    return hit;
  }

  name(id: string): string {
    try {
      return this.cached(id);
    } catch {
      this.backendCalls += 1;
      const name = this.backend[id].toUpperCase();
      this.cache.set(id, name);
      return name;
    }
  }
}

const catalogue = new Catalogue({ p1: "fountain pen", p2: "ink bottle" });
const names = ["p1", "p2", "p1", "p1"].map((id) => catalogue.name(id));
console.log(names.join(", "), "| backend calls:", catalogue.backendCalls);
