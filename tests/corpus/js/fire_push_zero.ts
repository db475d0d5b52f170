// Daily step counts from a fitness tracker export, and the weekly average.
const exported: string[] = ["8012", "10250", "", "7433", "9120", "n/a", "11876"];

function parseSteps(cell: string): number {
  const n = Number.parseInt(cell, 10);
  if (Number.isNaN(n)) throw new TypeError(`not a step count: "${cell}"`);
  return n;
}

const steps: number[] = [];
for (const cell of exported) {
  try {
    steps.push(parseSteps(cell));
  } catch (e) {
    steps.push(0);
  }
}
const average = steps.reduce((a, b) => a + b, 0) / steps.length;
console.log(`weekly average: ${Math.round(average)} steps/day`);
