# a typical script: parse CSV text, aggregate with Decimal money, print a formatted report
import csv
import io
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP

RAW = """sku,category,qty,unit_price
A-1,tools,3,19.99
B-2,garden,10,2.50
A-3,tools,1,149.00
C-9,kitchen,4,7.25
B-7,garden,2,33.10
"""

totals = defaultdict(Decimal)
counts = defaultdict(int)
for row in csv.DictReader(io.StringIO(RAW)):
    amount = Decimal(row["unit_price"]) * int(row["qty"])
    totals[row["category"]] += amount
    counts[row["category"]] += int(row["qty"])

print(f"{'category':<10}{'items':>6}{'total':>12}")
for cat in sorted(totals, key=lambda c: (-totals[c], c)):
    print(f"{cat:<10}{counts[cat]:>6}{totals[cat].quantize(Decimal('0.01'), ROUND_HALF_UP):>12}")
grand = sum(totals.values())
print(f"{'TOTAL':<10}{sum(counts.values()):>6}{grand:>12.2f}")
vat = (grand * Decimal("0.19")).quantize(Decimal("0.01"), ROUND_HALF_UP)
print("VAT 19%:", vat, "| with VAT:", grand + vat)
