// Validate a batch of signups and report every bad one at the end.
function validate(user) {
  if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(user.email)) {
    throw new Error(`invalid email for ${user.name}: "${user.email}"`);
  }
  return { ...user, email: user.email.toLowerCase() };
}

function importUsers(rows) {
  const users = [];
  const errors = [];
  for (const row of rows) {
    try {
      users.push(validate(row));
    } catch (e) {
      errors.push(e);
    }
  }
  return { users, errors };
}

const { users, errors } = importUsers([
  { name: "Ada", email: "ADA@example.com" },
  { name: "Bob", email: "bob-at-example" },
]);
console.log(`imported ${users.length} users`);
for (const e of errors) console.error("skipped:", e.message);
