// async/await: sequencing, error handling with try/catch, await in loops, async arrow functions, ordering
const sleep = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
async function fetchUser(id) {
  await sleep(1);
  if (id < 0) throw new RangeError(`bad id ${id}`);
  return { id, name: `user${id}` };
}
async function main() {
  const u = await fetchUser(1);
  console.log(JSON.stringify(u));
  try {
    await fetchUser(-1);
  } catch (e) {
    console.log("caught", e.name, e.message);
  }
  const names = [];
  for (const id of [3, 2, 1]) names.push((await fetchUser(id)).name);
  console.log(names.join(","));
  const parallel = await Promise.all([3, 2, 1].map(fetchUser));
  console.log(parallel.map((x) => x.id).join(","));
  const order = [];
  const a = (async () => { order.push("a1"); await null; order.push("a2"); })();
  const b = (async () => { order.push("b1"); await null; order.push("b2"); })();
  await Promise.all([a, b]);
  console.log(order.join(" "));
  const results = await Promise.all([sleep(5, "slow"), sleep(1, "fast")]);
  console.log(results.join(","));
  return "main done";
}
main().then((v) => console.log(v), (e) => console.log("unexpected", e));
console.log("sync code finishes first");
