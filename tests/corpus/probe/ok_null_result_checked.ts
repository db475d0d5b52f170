// Look an account up by email; no account is an explicit null every caller checks.
const accounts: Record<string, { name: string }> = { "ada@example.com": { name: "Ada" } };

function findAccount(email: string): { name: string } | null {
  try {
    const account = accounts[email.toLowerCase()];
    if (account === undefined) throw new Error(`no account for ${email}`);
    return account;
  } catch {
    return null;
  }
}

for (const email of ["ADA@example.com", "bob@example.com"]) {
  const account = findAccount(email);
  if (account === null) {
    console.log(`${email}: no account`);
    continue;
  }
  console.log(`${email}: ${account.name}`);
}
