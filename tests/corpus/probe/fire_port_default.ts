// The port to listen on, from the environment's text.
const DEFAULT_PORT = 8080;

export const portOf = (value: string): number => {
  try {
    const port = Number.parseInt(value, 10);
    if (!(port > 0 && port < 65536)) throw new RangeError(`bad port: ${value}`);
    return port;
  } catch {
    return DEFAULT_PORT;
  }
};

console.log(`listening on ${portOf("3000")}`);
