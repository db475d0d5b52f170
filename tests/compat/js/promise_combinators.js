// Promise combinators: all, allSettled, race, any, AggregateError, then/catch/finally chains
const delay = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
(async () => {
  console.log((await Promise.all([delay(3, "a"), delay(1, "b"), 42])).join(","));
  try {
    await Promise.all([delay(1, "ok"), delay(2, "bad", true)]);
  } catch (e) {
    console.log("all rejected:", e.message);
  }
  const settled = await Promise.allSettled([delay(1, "x"), delay(1, "y", true)]);
  console.log(JSON.stringify(settled.map((s) => [s.status, s.value ?? s.reason.message])));
  console.log("race:", await Promise.race([delay(5, "slow"), delay(1, "fast")]));
  console.log("any:", await Promise.any([delay(1, "e1", true), delay(3, "winner"), delay(2, "e2", true)]));
  try {
    await Promise.any([delay(1, "e1", true), Promise.reject(new Error("e2"))]);
  } catch (e) {
    console.log(e.constructor.name, e instanceof AggregateError, e.errors.map((x) => x.message).join(","));
  }
  const steps = [];
  await Promise.resolve(1)
    .then((v) => { steps.push(v); throw new Error("mid"); })
    .then(() => steps.push("skipped"))
    .catch((e) => { steps.push("catch " + e.message); return 2; })
    .finally(() => steps.push("finally"))
    .then((v) => steps.push(v));
  console.log(steps.join(" | "));
  const { promise, resolve } = typeof Promise.withResolvers === "function" ? Promise.withResolvers() : (() => { let r; const p = new Promise((x) => (r = x)); return { promise: p, resolve: r }; })();
  resolve("resolved later");
  console.log(await promise);
})();
