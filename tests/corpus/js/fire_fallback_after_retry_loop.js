// a constant returned once every attempt failed: the success path returned
// inside the try, so this return runs only after the handler swallowed
const MIRRORS = { b: '{"price": 12}' };

function fetchPrice(names) {
  for (const name of names) {
    try {
      return JSON.parse(MIRRORS[name]);
    } catch {
      continue;
    }
  }
  return { price: 0 };
}

console.log(fetchPrice(["a", "c"]));
