// Checks for a duration parser: bad input must be rejected with a RangeError.
function parseDuration(text) {
  const units = { s: 1, m: 60, h: 3600 };
  const match = /^(\d+)([smh])$/.exec(text);
  if (!match) throw new RangeError(`bad duration "${text}"`);
  return Number(match[1]) * units[match[2]];
}

if (parseDuration("90s") !== 90) throw new Error("90s should be 90 seconds");
for (const bad of ["", "10", "5d"]) {
  try {
    parseDuration(bad);
    throw new Error(`parseDuration("${bad}") should have failed`);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
}
console.log("duration parser: all checks passed");
