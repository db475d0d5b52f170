# a typical script: an Enum-driven state machine with a transition table and error handling
from enum import Enum, auto

class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    PAUSED = auto()
    DONE = auto()

TRANSITIONS = {
    (State.IDLE, "start"): State.RUNNING,
    (State.RUNNING, "pause"): State.PAUSED,
    (State.PAUSED, "resume"): State.RUNNING,
    (State.RUNNING, "finish"): State.DONE,
}

class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.history = [self.state.name]
    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise RuntimeError(f"cannot {event} while {self.state.name}")
        self.state = TRANSITIONS[key]
        self.history.append(self.state.name)

m = Machine()
for ev in ["start", "pause", "pause", "resume", "finish", "start"]:
    try:
        m.fire(ev)
    except RuntimeError as exc:
        print("rejected:", exc)
print(" -> ".join(m.history), m.state is State.DONE)
