// Export the customer table with each customer's account manager.
const managers = new Map<string, string>([["acme", "Ada"], ["globex", "Grace"]]);
const customers: Array<[string, string]> = [["c-1", "acme"], ["c-2", "initech"], ["c-3", "globex"]];

function managerOf(company: string): string {
  const name = managers.get(company);
  if (name === undefined) throw new Error(`no account manager for ${company}`);
  return name;
}

for (const [id, company] of customers) {
  let manager: string;
  try {
    manager = managerOf(company);
  } catch {
    manager = "N/A";
  }
  console.log([id, company, manager].join(" | "));
}
