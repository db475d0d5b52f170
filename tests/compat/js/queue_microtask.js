// queueMicrotask: ordering against promises, synchronous code and timers
const log = [];
setTimeout(() => { log.push("timeout"); console.log(log.join(" ")); }, 0);
queueMicrotask(() => log.push("micro1"));
Promise.resolve().then(() => log.push("promise1")).then(() => log.push("promise2"));
queueMicrotask(() => {
  log.push("micro2");
  queueMicrotask(() => log.push("nested micro"));
});
log.push("sync");
(async () => {
  log.push("async start");
  await null;
  log.push("after await");
})();
