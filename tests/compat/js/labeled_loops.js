// labeled statements: break and continue to outer loops, labeled blocks, loop forms
const grid = [[1, 2, 3], [4, -5, 6], [7, 8, 9]];
let found = null;
outer: for (let r = 0; r < grid.length; r++) {
  for (let c = 0; c < grid[r].length; c++) {
    if (grid[r][c] < 0) {
      found = [r, c];
      break outer;
    }
  }
}
console.log(JSON.stringify(found));
const pairs = [];
rows: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j > i) continue rows;
    if ((i + j) % 3 === 0) continue;
    pairs.push(`${i}${j}`);
  }
}
console.log(pairs.join(" "));
block: {
  console.log("in block");
  if (pairs.length) break block;
  console.log("not printed");
}
let n = 0;
do { n++; } while (n < 5);
const obj = { a: 1, b: 2 };
const keys = [];
for (const k in obj) keys.push(k);
let w = 10;
while (true) { if (--w < 7) break; }
console.log(n, keys.join(","), w);
