// Fetch the list of open tickets and print a summary.
function fetchTickets(project) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`503 Service Unavailable: /projects/${project}/tickets`)), 5);
  });
}

function openTickets(project) {
  return fetchTickets(project)
    .then((tickets) => tickets.filter((t) => t.state === "open"))
    .catch(() => []);
}

openTickets("billing").then((tickets) => {
  console.log(`${tickets.length} open tickets`);
});
