// Parse a batch of measurements; the caller warns about the unreadable ones.
function parseBatch(lines: string[]): { values: number[]; bad: number } {
  const values: number[] = [];
  let bad = 0;
  for (const line of lines) {
    try {
      const value = Number(line);
      if (line.trim() === "" || Number.isNaN(value)) throw new Error(`unreadable: "${line}"`);
      values.push(value);
    } catch {
      bad += 1;
    }
  }
  return { values, bad };
}

const { values, bad } = parseBatch(["1.5", "2.25", "--", "3.0", "NaN?"]);
if (bad > 0) console.warn(`${bad} unreadable measurements skipped`);
const mean = values.reduce((a, b) => a + b, 0) / values.length;
console.log(`mean of ${values.length} values: ${mean.toFixed(3)}`);
