// an uncaught TypeError from reading a property of undefined (engines word the message differently)
const config = { server: { port: 8080 } };
console.log(config.server.port);
console.log(config.database.host);
