// Print a status table, in colour when the "chalk" package can be loaded.
let chalk;
try {
  chalk = require("chalk");
} catch {
  chalk = null;
}

const rows = [["api", "up"], ["search", "degraded"], ["billing", "up"]];
for (const [name, state] of rows) {
  const label = chalk ? chalk.bold(name) : name.padEnd(8);
  console.log(`${label} ${state}`);
}
