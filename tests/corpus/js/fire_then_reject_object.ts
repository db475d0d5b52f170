// Load feature flags from the flag service.
interface Flags {
  [name: string]: boolean;
}

function fetchFlags(env: string): Promise<Flags> {
  return Promise.reject(new TypeError(`flag service returned HTML for ${env}`));
}

function loadFlags(env: string): Promise<Flags> {
  return fetchFlags(env).then(
    (flags: Flags) => flags,
    (_err: unknown) => ({}),
  );
}

loadFlags("production").then((flags) => {
  const enabled = Object.keys(flags).filter((k) => flags[k]);
  console.log(`enabled flags: ${enabled.length}`);
});
