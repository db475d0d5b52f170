# graphlib and sched: topological order and an event scheduler on a simulated clock
import graphlib
import sched

deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core"], "tests": ["app"]}
ts = graphlib.TopologicalSorter(deps)
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter(deps)
ts.prepare()
rounds = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    rounds.append(ready)
    ts.done(*ready)
print(rounds)
try:
    list(graphlib.TopologicalSorter({"a": ["b"], "b": ["a"]}).static_order())
except graphlib.CycleError as exc:
    print("CycleError:", exc.args[0])

clock = [0.0]
def now():
    return clock[0]
def sleep(dt):
    clock[0] += dt
s = sched.scheduler(now, sleep)
log = []
s.enter(5, 1, log.append, ("five",))
s.enter(1, 2, log.append, ("one-low",))
s.enter(1, 1, log.append, ("one-high",))
ev = s.enterabs(3, 1, log.append, ("three",))
s.cancel(ev)
print(len(s.queue), s.empty())
s.run()
print(log, clock[0])
