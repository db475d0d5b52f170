// A small CLI: parse the arguments, run, and print any failure to stderr.
function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (!["add", "list"].includes(command)) {
    throw new Error(`unknown command: ${command ?? "(none)"}`);
  }
  return { command, rest };
}

function main(argv) {
  const args = parseArgs(argv);
  console.log("running", args.command, args.rest);
}

try {
  main(["remove", "todo-3"]);
} catch (error) {
  console.error(error);
}
