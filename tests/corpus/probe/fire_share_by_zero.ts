// Split a bill; nobody to split it with gives a share of 0.
function share(total: number, people: number): number {
  try {
    if (people === 0) throw new RangeError("nobody to share the bill with");
    return total / people;
  } catch {
    return 0;
  }
}

console.log(share(90, 4).toFixed(2));
