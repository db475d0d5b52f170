// Total the weight of a parcel shipment.
const parcels = [{ id: 1, kg: "2.5" }, { id: 2, kg: "heavy" }, { id: 3, kg: "1.25" }];

function weight(parcel) {
  try {
    const kg = Number(parcel.kg);
    if (Number.isNaN(kg)) throw new Error(`parcel ${parcel.id}: bad weight "${parcel.kg}"`);
    return kg;
  } catch (err) {
    return null;
  }
}

const weights = parcels.map(weight);
const total = weights.reduce((sum, w) => sum + w, 0);
console.log(`weights: ${weights.join(", ")}; total ${total} kg`);
