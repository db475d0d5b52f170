// async iteration: async generators, for await over arrays of promises, Symbol.asyncIterator
async function* ticker(n) {
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setTimeout(r, 1));
    yield i;
  }
}
const stream = {
  async *[Symbol.asyncIterator]() {
    yield "chunk1";
    yield "chunk2";
  },
};
(async () => {
  const got = [];
  for await (const t of ticker(4)) got.push(t);
  console.log(got.join(","));
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  console.log(chunks.join("+"));
  const values = [];
  for await (const v of [Promise.resolve(1), 2, new Promise((r) => setTimeout(() => r(3), 2))]) values.push(v);
  console.log(values.join(","));
  const gen = ticker(10);
  console.log(JSON.stringify(await gen.next()), JSON.stringify(await gen.return("early")), JSON.stringify(await gen.next()));
})();
