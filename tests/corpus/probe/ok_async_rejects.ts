// Fetch a product after a (simulated) round trip; an unknown id rejects.
const products: Record<string, number> = { p1: 9.99, p2: 24.5 };

async function priceOf(id: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  const price = products[id];
  if (price === undefined) throw new Error(`unknown product: ${id}`);
  return price;
}

priceOf("p2").then((price) => console.log(price));
