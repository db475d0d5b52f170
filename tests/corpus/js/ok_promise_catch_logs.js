// Send analytics events; a failed send is reported, not hidden.
function send(event) {
  return event.name
    ? Promise.resolve({ accepted: true })
    : Promise.reject(new Error("event has no name"));
}

const events = [{ name: "signup" }, { props: { plan: "pro" } }];
for (const event of events) {
  send(event)
    .then((res) => console.log("sent", event.name, res.accepted))
    .catch((err) => console.error("analytics:", err.message));
}
