// Median temperature per room from sensor logs; unreadable readings are imputed.
const readings: Record<string, string[]> = {
  kitchen: ["21.5", "21.9", "22.1"],
  office: ["20.6", "19.8", "ERR", "20.4", "21.0"],
};

function parseReading(raw: string): number {
  try {
    if (!/^-?\d+(\.\d+)?$/.test(raw)) throw new Error(`unreadable reading: ${raw}`);
    return Number(raw);
  } catch (e) {
    return NaN;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

for (const [room, raws] of Object.entries(readings)) {
  console.log(`${room}: median ${median(raws.map(parseReading)).toFixed(1)} C`);
}
