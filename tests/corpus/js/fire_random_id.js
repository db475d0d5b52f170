// Give each uploaded document an id taken from its metadata.
function documentId(doc) {
  try {
    return doc.metadata.id.toString();
  } catch (e) {
    return Math.random().toString(36).slice(2, 10);
  }
}

console.log(documentId({ metadata: { id: 1042 } }));
console.log(documentId({ name: "scan.pdf" }));
