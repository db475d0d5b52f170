// Warm several caches in parallel and report which ones failed.
async function warm(name: string): Promise<number> {
  if (name === "search") throw new Error("search index is rebuilding");
  return name.length * 100;
}

const names = ["users", "search", "prices"];
const results = await Promise.allSettled(names.map(warm));
results.forEach((result, i) => {
  if (result.status === "rejected") {
    console.error(`${names[i]}: ${result.reason.message}`);
  } else {
    console.log(`${names[i]}: ${result.value} entries`);
  }
});
