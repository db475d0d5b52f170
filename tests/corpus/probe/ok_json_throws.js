// Parse a request body; a body that is no JSON is the caller's error to handle.
function parseBody(text) {
  return JSON.parse(text);
}

console.log(parseBody('{"id": 7}').id);
