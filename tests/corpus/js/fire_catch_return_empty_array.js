// Read the saved shopping cart and print how many items it holds.
function readCart(storage) {
  try {
    const raw = storage.getItem("cart");
    return JSON.parse(raw).items;
  } catch (e) {
    return [];
  }
}

const storage = {
  getItem(key) {
    throw new Error(`storage quota exceeded while reading ${key}`);
  },
};

const items = readCart(storage);
console.log(`cart has ${items.length} items`);
