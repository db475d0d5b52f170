// Show the title of each saved document, or say that it could not be opened.
const store = { a: '{"title": "Budget 2025"}', b: "{not json", c: '{"title": "Roadmap"}' };

function load(id) {
  try {
    return JSON.parse(store[id]);
  } catch {
    return undefined;
  }
}

for (const id of Object.keys(store)) {
  const doc = load(id);
  if (!doc) {
    console.log(`${id}: could not be opened`);
    continue;
  }
  console.log(`${id}: ${doc.title}`);
}
