"""Share of survey respondents who answered yes to a question."""

ANSWERS = [
    {"q1": "yes", "q2": "no"},
    {"q1": "yes", "q2": "yes"},
    {"q1": "no"},
    {"q1": "yes"},
]


def yes_count(answers, question):
    count = 0
    for answer in answers:
        try:
            count += answer[question] == "yes"
        except KeyError:
            count += 0
    return count


for question in ["q1", "q2"]:
    print(f"{question}: {yes_count(ANSWERS, question)}/{len(ANSWERS)} said yes")
