// Parse the "last login" timestamps of accounts for the inactivity report.
function parseTimestamp(text) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`invalid timestamp: ${text}`);
  }
  return date;
}

function lastLogin(account) {
  try {
    return parseTimestamp(account.lastLogin);
  } catch (e) {
    return new Date(0);
  }
}

const accounts = [
  { name: "ada", lastLogin: "2024-05-01T10:00:00Z" },
  { name: "bob", lastLogin: "yesterday" },
];
for (const account of accounts) {
  console.log(account.name, lastLogin(account).toISOString());
}
