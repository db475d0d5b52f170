// Send the nightly reminder emails in parallel, then report that the job finished.
const outbox = [];

async function sendReminder(user) {
  if (!user.email.includes("@")) {
    throw new Error(`cannot send to ${user.name}: invalid address "${user.email}"`);
  }
  outbox.push(user.email);
}

const users = [
  { name: "ada", email: "ada@example.com" },
  { name: "bob", email: "bob.example.com" },
  { name: "eve", email: "eve@example.com" },
];
await Promise.allSettled(users.map(sendReminder));
console.log(`reminder job finished, ${outbox.length} emails queued`);
