// Show the health of each service on the status page.
const services = {
  api: () => ({ healthy: true }),
  search: () => { throw new Error("connect ECONNREFUSED 10.0.0.7:9200"); },
};

function statusLine(name) {
  let status;
  try {
    status = services[name]().healthy ? "up" : "down";
  } catch (e) {
    status = "unknown";
  }
  return `${name}: ${status}`;
}

for (const name of Object.keys(services)) console.log(statusLine(name));
