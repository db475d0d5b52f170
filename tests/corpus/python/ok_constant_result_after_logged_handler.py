# must stay quiet: the handler reports each failure, and the constant returned
# after the loop is the function's own result on every path, not a fallback
def run_jobs(jobs):
    for name, job in jobs:
        try:
            job()
        except ZeroDivisionError as error:
            print(f"job {name} failed: {error}")
    return "finished"


print(run_jobs([("a", lambda: 1), ("b", lambda: 1 / 0), ("c", lambda: 2)]))
