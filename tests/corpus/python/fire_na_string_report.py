"""Export the customer table with each customer's account manager."""

MANAGERS = {"acme": "Ada", "globex": "Grace"}
CUSTOMERS = [("c-1", "acme"), ("c-2", "initech"), ("c-3", "globex")]

table = []
for customer_id, company in CUSTOMERS:
    try:
        manager = MANAGERS[company]
    except KeyError:
        manager = "N/A"
    table.append((customer_id, company, manager))
for row in table:
    print(" | ".join(row))
