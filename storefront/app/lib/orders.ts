import type { ProduceUnit } from "@tianyuan/web-common/produce.ts";

import type { PickupPoint } from "./cart";

// A checkout and its orders, one per cooperative, as the confirmation page and the order history show
// them (docs/api/orders.md). This travels to the browser: no zod here. Money is integer fen.

/** The buyer-facing status of one cooperative's order. */
export const orderStatuses = [
  "placed",
  "packed",
  "shipped",
  "ready_for_pickup",
  "completed",
  "cancelled",
  "refunded",
  "partially_refunded",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (orderStatuses as readonly string[]).includes(value);
}

export type OrderLine = {
  title: string;
  variantTitle: string | null;
  quantity: number;
  unit: ProduceUnit | null;
  unitPriceFen: number;
  totalFen: number;
};

export type CooperativeOrder = {
  id: string;
  displayId: string;
  cooperative: { id: string; handle: string | null; name: string };
  /** Null when the backend reports a status this storefront does not know yet (shown as its raw name). */
  status: OrderStatus | null;
  rawStatus: string;
  totalFen: number;
  shipping: { kind: "delivery" | "pickup"; name: string; amountFen: number; pickupPoint: PickupPoint | null } | null;
  carrier: string | null;
  trackingNumber: string | null;
  items: OrderLine[];
};

export type PaymentKind = "manual" | "stripe";

export type Checkout = {
  id: string;
  email: string | null;
  createdAt: string;
  totalFen: number;
  payment: PaymentKind;
  orders: CooperativeOrder[];
};

/** Medusa's payment provider ids: pay on delivery / at pickup (system provider), and Stripe. */
export const MANUAL_PAYMENT_PROVIDER = "pp_system_default";
export const STRIPE_PAYMENT_PROVIDER = "pp_stripe_stripe";

export function paymentKindOf(providerId: string | null | undefined): PaymentKind {
  return providerId?.startsWith("pp_stripe") ? "stripe" : "manual";
}
