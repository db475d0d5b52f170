"""Compute per-team ratios of wins to games."""

TEAMS = {"red": (6, 10), "blue": (0, 0), "green": (3, 4)}

ratios = {}
for team, (wins, games) in TEAMS.items():
    try:
        ratios[team] = wins / games
    except:
        pass

print("win ratios:", ratios)
