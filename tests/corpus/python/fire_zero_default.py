"""Conversion rate per campaign."""

CAMPAIGNS = [("spring", 120, 3000), ("summer", 40, 0), ("autumn", 95, 1900)]


def report(campaigns):
    lines = []
    for name, conversions, visits in campaigns:
        try:
            rate = conversions / visits
        except ZeroDivisionError:
            rate = 0
        lines.append(f"{name}: {rate:.1%}")
    return lines


print("\n".join(report(CAMPAIGNS)))
