// The peer baseline for benches/speed.rs: CPython (Pyodide) on Node.
// Usage: node benches/pyodide_baseline.mjs PATH/TO/node_modules/pyodide/pyodide.mjs
// Prints one JSON object: load, hello and CPU-loop times in milliseconds.
const entry = process.argv[2];
const { loadPyodide } = await import(entry);
const started = performance.now();
const pyodide = await loadPyodide({ stdout: () => {} });
const loaded = performance.now();
pyodide.runPython("print('hello')");
const hello = performance.now();
pyodide.runPython("print(sum(i*i for i in range(3_000_000)))");
const cpu = performance.now();
console.log(JSON.stringify({ load_ms: loaded - started, hello_ms: hello - loaded, cpu_ms: cpu - hello }));
