// Fetch the job status; the first request times out, the second succeeds.
let calls = 0;
function requestStatus(jobId) {
  calls += 1;
  if (calls === 1) throw new Error(`ETIMEDOUT requesting job ${jobId}`);
  return { jobId, state: "done" };
}

function jobStatus(jobId, attempts = 3) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return requestStatus(jobId);
    } catch (err) {
      if (attempt === attempts) throw err;
    }
  }
}

console.log(jobStatus("job-17"));
