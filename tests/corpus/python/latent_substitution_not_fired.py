"""Write this year's scores to a scratch file; every row has the column in this run."""
import os

ROWS = [
    {"name": "red", "score_2024": 70, "score_2025": 81},
    {"name": "blue", "score_2024": 64, "score_2025": 66},
]


def score(row):
    try:
        return row["score_2025"]
    except KeyError:
        return list(row.values())[-1]


def cleanup(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


with open("scores.tmp", "w") as handle:
    handle.write("\n".join(str(score(row)) for row in ROWS))
cleanup("scores.tmp")
print("scores:", [score(row) for row in ROWS])
