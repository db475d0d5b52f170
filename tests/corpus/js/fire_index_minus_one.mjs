// Find the position of a heading in a parsed markdown outline.
export function headingIndex(outline, title) {
  try {
    return outline.headings.findIndex((h) => h.text.toLowerCase() === title.toLowerCase());
  } catch (err) {
    return -1;
  }
}

const outline = { headings: [{ text: "Intro" }, { level: 2 }, { text: "Usage" }] };
console.log("usage at", headingIndex(outline, "usage"));
