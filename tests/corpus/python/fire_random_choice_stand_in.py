"""Assign each new ticket to the on-call engineer of its team."""
import random

ON_CALL = {"payments": "ada", "search": "grace", "infra": "linus"}
ENGINEERS = sorted(ON_CALL.values())
TICKETS = [("T-101", "payments"), ("T-102", "mobile"), ("T-103", "infra")]


def assignee(team):
    try:
        return ON_CALL[team]
    except KeyError:
        return random.choice(ENGINEERS)


for ticket, team in TICKETS:
    print(f"{ticket} ({team}) -> {assignee(team)}")
