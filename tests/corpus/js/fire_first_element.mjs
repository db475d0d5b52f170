// Pick the shipping option each customer selected at checkout.
const options = [
  { id: "standard", days: 5, price: 4.9 },
  { id: "express", days: 2, price: 12.9 },
  { id: "pickup", days: 1, price: 0 },
];

function selectedOption(id) {
  const option = options.find((o) => o.id === id);
  if (!option) throw new RangeError(`unknown shipping option: ${id}`);
  return option;
}

function shippingFor(order) {
  try {
    return selectedOption(order.shipping);
  } catch (err) {
    return options[0];
  }
}

const orders = [{ id: 1, shipping: "express" }, { id: 2, shipping: "overnight" }];
for (const order of orders) {
  const option = shippingFor(order);
  console.log(`order ${order.id}: ${option.id}, ${option.days} days, ${option.price.toFixed(2)} EUR`);
}
