"""Daily step counts from a fitness tracker export, and the weekly average."""
import statistics

EXPORT = ["8012", "10250", "", "7433", "9120", "n/a", "11876"]

steps = []
for cell in EXPORT:
    try:
        steps.append(int(cell))
    except ValueError:
        steps.append(0)
print("steps:", steps)
print(f"weekly average: {statistics.mean(steps):.0f} steps/day")
