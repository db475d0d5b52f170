// Start the worker with the configuration from the config service.
const DEFAULT_CONFIG = { concurrency: 4, queue: "default", dryRun: false };

type Config = typeof DEFAULT_CONFIG;

async function fetchConfig(): Promise<Config> {
  throw new Error("config service: certificate has expired");
}

const config: Config = await fetchConfig().catch(() => DEFAULT_CONFIG);
console.log(`starting ${config.concurrency} workers on queue ${config.queue}`);
