// Load an order and wrap a storage failure in a domain error.
class OrderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OrderError";
  }
}

const db: Record<string, { total: number }> = { "A-1": { total: 42 } };

function fetchOrder(id: string): { total: number } {
  const order = db[id];
  if (!order) throw new Error(`no row with id ${id}`);
  return order;
}

function orderTotal(id: string): number {
  try {
    return fetchOrder(id).total;
  } catch (error) {
    throw new OrderError(`cannot load order ${id}`, { cause: error });
  }
}

for (const id of ["A-1", "Z-9"]) {
  try {
    console.log(id, orderTotal(id));
  } catch (error) {
    console.error(`${id}: ${(error as Error).message}`);
  }
}
