// Accept quantities written as fractions ("3/4") or as plain decimals ("0.75").
function parseFraction(text: string): number {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new SyntaxError(`not a fraction: ${text}`);
  return Number(match[1]) / Number(match[2]);
}

function quantity(text: string): number {
  try {
    return parseFraction(text);
  } catch {
    return Number.parseFloat(text);
  }
}

for (const q of ["3/4", "1.5", "2"]) {
  console.log(q, "->", quantity(q));
}
