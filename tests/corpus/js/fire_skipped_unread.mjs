// Import signups into the mailing list.
const rows = ["ada@example.com,Ada", "grace-at-example.com,Grace", "linus@example.com,Linus"];

function parse(line) {
  const [email, name] = line.split(",");
  if (!email.includes("@")) throw new Error(`invalid email "${email}"`);
  return { email, name };
}

const subscribers = [];
let skipped = 0;
for (const line of rows) {
  try {
    subscribers.push(parse(line));
  } catch (err) {
    skipped++;
  }
}
console.log(`imported ${subscribers.length} subscribers`);
