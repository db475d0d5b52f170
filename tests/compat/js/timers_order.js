// timers: setTimeout ordering by delay then insertion, clearTimeout, setInterval with clearInterval, arguments
const log = [];
setTimeout(() => log.push("t20"), 20);
setTimeout(() => log.push("t0-a"), 0);
setTimeout(() => log.push("t0-b"));
const cancelled = setTimeout(() => log.push("never"), 5);
clearTimeout(cancelled);
setTimeout((x, y) => log.push(`args ${x} ${y}`), 1, "p", "q");
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  log.push(`tick${ticks}`);
  if (ticks === 3) clearInterval(iv);
}, 2);
setTimeout(() => {
  setTimeout(() => {
    log.push("nested");
    console.log(log.filter((e) => !e.startsWith("tick")).join(" "));
    console.log(log.filter((e) => e.startsWith("tick")).join(" "));
  }, 0);
}, 200);
