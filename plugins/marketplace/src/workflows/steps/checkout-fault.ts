import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHECKOUT_FAULT_POINTS, type CheckoutFaultPoint } from "../../lib/checkout-fault-points"

export { CHECKOUT_FAULT_POINTS, type CheckoutFaultPoint }

/**
 * TEST-ONLY FAULT SEAM. The compensation tests (tests/integration/checkout.test.ts) prove that a failure
 * after any step of `completeCheckoutWorkflow` leaves no orders, reservations, commission lines or
 * authorized payment, and the cart not completed. Between steps the workflow places this step; it
 * throws only when NODE_ENV is "test" and TIANYUAN_CHECKOUT_FAULT names the step just done (see
 * lib/checkout-fault-points.ts). In any other environment it does nothing.
 */
export const checkoutFaultStep = createStep("checkout-fault", async (input: { after: CheckoutFaultPoint }) => {
  if (process.env.NODE_ENV === "test" && process.env.TIANYUAN_CHECKOUT_FAULT === input.after) {
    throw new Error(`Injected checkout fault after ${input.after} (TIANYUAN_CHECKOUT_FAULT, tests only)`)
  }
  return new StepResponse({ passed: input.after })
})

/** Places the fault seam after the named step (each use needs its own step name). */
export function faultAfter(after: CheckoutFaultPoint) {
  return checkoutFaultStep({ after }).config({ name: `checkout-fault-after-${after}` })
}
