/**
 * The steps of `completeCheckoutWorkflow` after which the test-only fault seam can fail it
 * (workflows/steps/checkout-fault.ts): TIANYUAN_CHECKOUT_FAULT=<point> with NODE_ENV=test.
 */
export const CHECKOUT_FAULT_POINTS = [
  "create-checkout",
  "create-orders",
  "record-checkout-orders",
  "reserve-inventory",
  "record-commission",
  "authorize-payment",
  "create-links",
  "complete-cart",
  "emit-events",
] as const
export type CheckoutFaultPoint = (typeof CHECKOUT_FAULT_POINTS)[number]
