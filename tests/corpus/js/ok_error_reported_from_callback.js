// Flush the metrics buffer; a failed flush is reported from the next tick, with its error.
function flush(buffer) {
  if (buffer.length > 3) throw new Error(`payload of ${buffer.length} points exceeds the limit`);
  return buffer.length;
}

function safeFlush(buffer) {
  try {
    return flush(buffer);
  } catch (err) {
    setTimeout(() => console.error("metrics flush failed:", err.message), 0);
    return null;
  }
}

console.log("flushed", safeFlush([1, 2]), "then", safeFlush([1, 2, 3, 4, 5]));
