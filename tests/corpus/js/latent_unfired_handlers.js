// Parse a port number and a ratio; neither input is bad in this run.
function parsePort(text) {
  try {
    const port = Number.parseInt(text, 10);
    if (!(port > 0 && port < 65536)) throw new RangeError(`bad port: ${text}`);
    return port;
  } catch (e) {
    return 8080;
  }
}

function readOptional(obj, key) {
  try {
    return obj[key].trim();
  } catch {}
}

console.log("port:", parsePort("3000"));
console.log("name:", readOptional({ name: "  web  " }, "name"));
