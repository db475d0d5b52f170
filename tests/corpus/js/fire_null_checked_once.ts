// Show each user's age, and the average age of the team.
const birthYears: Record<string, string> = { ada: "1815", grace: "1906", alan: "unknown" };

function ageOf(user: string): number | null {
  try {
    const year = Number.parseInt(birthYears[user], 10);
    if (Number.isNaN(year)) throw new Error(`no birth year for ${user}`);
    return 2025 - year;
  } catch {
    return null;
  }
}

for (const user of Object.keys(birthYears)) {
  const age = ageOf(user);
  if (age === null) continue;
  console.log(`${user}: ${age}`);
}
const ages = Object.keys(birthYears).map((user) => ageOf(user) as number);
console.log(`average age: ${ages.reduce((a, b) => a + b, 0) / ages.length}`);
