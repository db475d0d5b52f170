// Word counts of the articles of a feed.
function countWords(text) {
  try {
    return text.split(/\s+/).filter(Boolean).length;
  } catch (e) {
    return 0;
  }
}

console.log(countWords("the quick brown fox"));
