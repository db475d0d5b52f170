// Count the records written to the export, whatever happens.
function exportRecords(records, sink) {
  let written = 0;
  try {
    for (const record of records) {
      sink.write(JSON.stringify(record));
      written++;
    }
  } finally {
    return written;
  }
}

const sink = {
  lines: [],
  write(line) {
    if (this.lines.length >= 2) throw new Error("ENOSPC: no space left on device");
    this.lines.push(line);
  },
};
const n = exportRecords([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }], sink);
console.log(`exported ${n} records`);
