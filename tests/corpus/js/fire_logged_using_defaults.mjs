// Load the retry policy from a JSON string, with defaults when it is unusable.
const rawPolicy = '{"retries": 5, "timeout": 2.5,}';

function loadPolicy(text) {
  try {
    return JSON.parse(text);
  } catch {
    console.log("using defaults");
    return { retries: 3, timeout: 30 };
  }
}

const policy = loadPolicy(rawPolicy);
console.log(`retrying ${policy.retries} times, timeout ${policy.timeout} s`);
