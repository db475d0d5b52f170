// a typical script: retry an async operation with backoff timers, then give up with an error that has a cause
let attempts = 0;
async function flaky() {
  attempts++;
  await new Promise((r) => setTimeout(r, 1));
  if (attempts < 3) throw new Error(`attempt ${attempts} failed`);
  return { ok: true, attempts };
}
async function retry(fn, times, delay = 1) {
  let lastErr;
  for (let i = 0; i < times; i++) {
    try { return await fn(); } catch (err) {
      lastErr = err;
      console.log("retrying after:", err.message);
      await new Promise((r) => setTimeout(r, delay * 2 ** i));
    }
  }
  throw new Error(`gave up after ${times} attempts`, { cause: lastErr });
}
(async () => {
  console.log(JSON.stringify(await retry(flaky, 5)));
  attempts = -10;
  try { await retry(flaky, 2); } catch (e) { console.log(e.message, "|", e.cause.message); }
})();
