// an uncaught Error thrown at top level after some output: exit status 1, the error on stderr
function loadConfig(text) {
  const cfg = JSON.parse(text);
  if (!cfg.port) throw new Error("config has no port");
  return cfg;
}
console.log(loadConfig('{"port": 8080}').port);
loadConfig('{"host": "x"}');
console.log("not reached");
