// Parse the webhook payload; the handler pulls the message out of the error and drops it.
interface Webhook {
  event: string;
  data: Record<string, unknown>;
}

function parseWebhook(body: string): Webhook {
  try {
    return JSON.parse(body) as Webhook;
  } catch ({ message }) {
    return { event: "unknown", data: {} };
  }
}

const hook = parseWebhook("event=push&ref=main");
console.log(`received ${hook.event} with ${Object.keys(hook.data).length} fields`);
