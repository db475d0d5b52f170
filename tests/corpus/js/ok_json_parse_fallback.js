// Read a message field that may hold JSON or plain text; plain text is kept as it is.
function payload(message) {
  try {
    return JSON.parse(message.body);
  } catch {
    return { text: message.body.trim() };
  }
}

const messages = [
  { body: '{"event": "deploy", "ok": true}' },
  { body: "  server restarted  " },
];
for (const m of messages) console.log(payload(m));
