// console methods: log/info/debug to stdout, warn/error to stderr, assert, printf-style substitutions
console.log("log line");
console.info("info line");
console.debug("debug line");
console.warn("warn line");
console.log("%s has %d items costing %f", "cart", 3, 9.5);
console.log("%o and %j", "x", "y");
console.log("100%", "%", "%%");
console.assert(1 === 1, "not shown");
console.assert(1 === 2, "assertion message");
console.error("final error line");
