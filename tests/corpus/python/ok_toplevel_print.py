"""Run a batch of jobs and report the ones that fail."""


def run(job):
    if job == "resize":
        raise MemoryError("image too large")
    return f"{job} done"


for job in ["thumbnail", "resize", "upload"]:
    try:
        print(run(job))
    except Exception as error:
        print(f"job {job} failed: {error}")
