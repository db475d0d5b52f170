// Read HTTP response headers whatever the case the server wrote them in.
type Headers = Record<string, string>;

function header(headers: Headers, name: string): string {
  try {
    const value = headers[name];
    if (value === undefined) throw new Error(`no header ${name}`);
    return value;
  } catch {
    return headers[name.toLowerCase()] ?? "";
  }
}

const responses: Headers[] = [
  { "Content-Type": "text/html", "Content-Length": "512" },
  { "content-type": "application/json", "content-length": "48" },
];
for (const headers of responses) {
  console.log(header(headers, "Content-Type"), header(headers, "Content-Length"));
}
