// must stay quiet: the handler reports each failure, and the constant returned
// after the loop is the function's own result on every path, not a fallback
function runJobs(jobs) {
  for (const [name, job] of jobs) {
    try {
      job();
    } catch (error) {
      console.log(`job ${name} failed: ${error.message}`);
    }
  }
  return "finished";
}

console.log(runJobs([["a", () => 1], ["b", () => { throw new Error("boom"); }], ["c", () => 2]]));
