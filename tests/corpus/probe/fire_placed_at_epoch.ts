// When each order was placed; a date that does not parse becomes the epoch.
function placedAt(text: string): Date {
  try {
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) throw new RangeError(`bad date: ${text}`);
    return date;
  } catch (e) {
    return new Date(0);
  }
}

console.log(placedAt("2024-05-01T10:00:00Z").toISOString());
