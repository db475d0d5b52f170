"""List the weight of each parcel in a shipment."""

PARCELS = [{"id": 1, "kg": "2.5"}, {"id": 2, "kg": "heavy"}, {"id": 3, "kg": "1.25"}]


def weight(parcel):
    try:
        return float(parcel["kg"])
    except ValueError:
        return None


weights = [weight(p) for p in PARCELS]
print("weights:", weights)
print(f"shipment: {len(weights)} parcels weighed")
