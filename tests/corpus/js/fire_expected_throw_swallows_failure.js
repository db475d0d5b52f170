// Self-checks for a port parser, written without a test framework.
function parsePort(text) {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`bad port: ${text}`);
  return port;
}

function testRejectsBadPorts() {
  for (const bad of ["http", "70000", " 80 "]) {
    try {
      parsePort(bad);
      throw new Error(`parsePort(${JSON.stringify(bad)}) should have thrown`);
    } catch {}
  }
}

testRejectsBadPorts();
console.log("parser checks: ok");
