// Does this request body hold a JSON object (not an array, not a bare value)?
function isJsonObject(text) {
  if (typeof text !== "string" || text.trim() === "") {
    return false;
  }
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

for (const body of ['{"a": 1}', "[1, 2]", "{a: 1}", ""]) {
  console.log(JSON.stringify(body), isJsonObject(body));
}
