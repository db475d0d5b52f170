// Charge a card; log the failure for the on-call engineer and let it propagate.
const logger = {
  error(message, err) {
    console.error(`[error] ${message}: ${err.message}`);
  },
};

function charge(card, cents) {
  if (card.expired) throw new Error(`card ending ${card.last4} is expired`);
  return { charged: cents };
}

function checkout(card, cents) {
  try {
    return charge(card, cents);
  } catch (err) {
    logger.error("payment failed", err);
    throw err;
  }
}

try {
  checkout({ last4: "4242", expired: true }, 1999);
} catch (err) {
  console.error("checkout aborted:", err.message);
}
