// Refresh a cache from a slow upstream; a failure is logged and the old entry kept.
const cache = new Map([["rates", { EUR: 1.08 }]]);

function upstream(key) {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`upstream ${key}: 502 Bad Gateway`)), 5),
  );
}

async function refresh(key) {
  try {
    const value = await upstream(key);
    cache.set(key, value);
  } catch (err) {
    console.warn(`refresh of ${key} failed, keeping the cached value:`, err.message);
  }
}

await refresh("rates");
console.log("rates:", cache.get("rates"));
