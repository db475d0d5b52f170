// Connect to the database, waiting between attempts; it comes up on the second try.
let attemptsSeen = 0;

async function connect(url: string): Promise<{ url: string }> {
  attemptsSeen += 1;
  if (attemptsSeen < 2) throw new Error(`ECONNREFUSED ${url}`);
  return { url };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectWithRetry(url: string, attempts = 5) {
  for (let i = 0; i < attempts; i++) {
    try {
      return await connect(url);
    } catch {
      await sleep(5 * (i + 1));
    }
  }
  throw new Error(`gave up connecting to ${url} after ${attempts} attempts`);
}

const db = await connectWithRetry("postgres://db:5432/app");
console.log("connected to", db.url);
