// an unhandled promise rejection ends the program with status 1
async function fetchData() {
  await null;
  throw new Error("request failed: 503");
}
console.log("starting");
fetchData();
setTimeout(() => console.log("timer after the rejection"), 50);
