// Read a config value, wrapping a parse failure in an error that says which key.
class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConfigError";
  }
}

function readLimit(text: string): number {
  try {
    const limit = JSON.parse(text).limit;
    if (typeof limit !== "number") throw new TypeError(`limit is not a number: ${limit}`);
    return limit;
  } catch (error) {
    throw new ConfigError(`bad limit in ${JSON.stringify(text)}`, { cause: error });
  }
}

console.log(readLimit('{"limit": 10}'));
