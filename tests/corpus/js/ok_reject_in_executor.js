// Wrap a callback-style API in a promise; a throw inside is passed on as a rejection.
function readRecord(id, callback) {
  setTimeout(() => callback(id > 0 ? null : new Error(`bad id ${id}`), { id, name: "rec" + id }), 1);
}

function readRecordAsync(id) {
  return new Promise((resolve, reject) => {
    readRecord(id, (err, record) => {
      try {
        if (err) throw err;
        resolve({ ...record, name: record.name.toUpperCase() });
      } catch (e) {
        reject(e);
      }
    });
  });
}

readRecordAsync(3).then((r) => console.log(r));
readRecordAsync(-1).catch((e) => console.error("read failed:", e.message));
