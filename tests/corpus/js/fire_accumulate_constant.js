// Count the words of each paragraph of a document.
const paragraphs = ["The quick brown fox.", null, "Jumps over the lazy dog."];

function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

let words = 0;
for (const paragraph of paragraphs) {
  try {
    words += countWords(paragraph);
  } catch (err) {
    words += 1;
  }
}
console.log(`${words} words`);
