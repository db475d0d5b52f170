// Hold a lock while updating the inventory; release it even when the update fails.
const lock = {
  held: false,
  acquire() { this.held = true; },
  release() { this.held = false; },
};

function reserve(stock, sku, qty) {
  lock.acquire();
  try {
    if ((stock[sku] ?? 0) < qty) throw new Error(`only ${stock[sku] ?? 0} of ${sku} left`);
    stock[sku] -= qty;
  } finally {
    lock.release();
  }
}

const stock = { "mug": 3 };
reserve(stock, "mug", 2);
try {
  reserve(stock, "mug", 5);
} catch (err) {
  console.error("reservation failed:", err.message);
}
console.log("stock:", stock, "lock held:", lock.held);
