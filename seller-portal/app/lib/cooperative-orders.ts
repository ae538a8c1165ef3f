// The marketplace's cooperative order, packing-list, payout and shipping answers (docs/api/orders.md)
// as the portal's pages use them. No zod here: these types travel to the browser; the answers are
// checked in orders-api.server.ts. Money is integer fen.

/** The buyer-facing status of a cooperative's order (placed → packed → shipped | ready_for_pickup → completed). */
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

/** What a manager can do to an order; the backend lists the ones possible now. */
export const orderActions = ["pack", "ship", "ready_for_pickup", "picked_up", "delivered", "cancel", "refund"] as const;
export type OrderAction = (typeof orderActions)[number];

export type ShippingKind = "delivery" | "pickup";

export type PickupPoint = { id: string; name: string; address: string; hours: string; instructions: string };

export type Tracking = { carrier: string; tracking_number: string; tracking_url: string | null };

export type OrderSummary = {
  id: string;
  display_id: number;
  created_at: string;
  status: OrderStatus;
  shipping: { kind: ShippingKind; name: string; pickup_point: { id: string; name: string } | null };
  tracking: Tracking | null;
  buyer: { name: string };
  items: { title: string; variant_title: string | null; quantity: number; unit: string | null }[];
  total_fen: number;
  actions: OrderAction[];
};

export type OrderPage = { orders: OrderSummary[]; count: number; page: number; pageSize: number };

export type OrderLine = {
  id: string;
  title: string;
  variant_title: string | null;
  quantity: number;
  unit: string | null;
  unit_price_fen: number;
  total_fen: number;
  refunded_quantity: number;
  refunded_fen: number;
};

export type OrderRefund = {
  id: string;
  amount_fen: number;
  reason: string;
  created_at: string;
  lines: { item_id: string; quantity: number; amount_fen: number }[];
  shipping_fen: number;
};

/** The delivery address as the order keeps it; `codes` are the area codes the buyer picked. */
export type BuyerAddress = {
  province: string;
  city: string;
  address: string;
  postal_code: string;
  codes: { province_code?: string; city_code?: string; district_code?: string };
  /** "陕西省延安市洛川县 凤栖街道 中心街 20 号": the area names looked up by the portal, then the street. */
  text?: string;
};

export type PaymentMethod = "pay_on_delivery" | "stripe" | "other";
export type PaymentStatus = "awaiting_payment" | "paid" | "partially_refunded" | "refunded";

/**
 * `GET …/orders/:orderId`. A farmer's or agent's view has no buyer contact, payment or refunds, and
 * a farmer's only their own lines.
 */
export type OrderDetail = {
  id: string;
  display_id: number;
  created_at: string;
  status: OrderStatus;
  history: { status: OrderStatus; at: string }[];
  cancel_reason: string | null;
  shipping: { kind: ShippingKind; name: string; amount_fen: number; pickup_point: PickupPoint | null };
  tracking: Tracking | null;
  buyer: { name: string; phone: string | null; email: string | null; address: BuyerAddress | null };
  items: OrderLine[];
  totals: {
    items_fen: number;
    shipping_fen: number | null;
    total_fen: number;
    paid_fen: number | null;
    refunded_fen: number | null;
  };
  payment: {
    method: PaymentMethod | null;
    status: PaymentStatus;
    paid_fen: number;
    refunded_fen: number;
    refundable_fen: number;
  } | null;
  refunds: OrderRefund[];
  actions: OrderAction[];
};

export type PackingGroup = {
  kind: ShippingKind;
  pickup_point: PickupPoint | null;
  totals: { title: string; variant_title: string | null; unit: string | null; quantity: number }[];
  orders: {
    id: string;
    display_id: number;
    status: OrderStatus;
    buyer: { name: string; phone: string | null; address: BuyerAddress | null };
    items: { title: string; variant_title: string | null; quantity: number; unit: string | null }[];
  }[];
};

/** `GET …/packing-list`: one day's orders to pack, per pickup point (and one group for delivery). */
export type PackingList = { date: string; groups: PackingGroup[] };

export const ledgerKinds = ["earned", "commission", "refund", "refund_commission", "payout"] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export type LedgerEntry = {
  id: string;
  kind: LedgerKind;
  amount_fen: number;
  order_id: string | null;
  commission_rate_bps: number | null;
  description: string;
  payout_run_id: string | null;
  created_at: string;
};

export type PayoutRun = {
  id: string;
  period_start: string;
  period_end: string;
  status: "draft" | "settled";
  method: "manual" | "stripe_connect";
  reference: string | null;
  settled_at: string | null;
  amount_fen: number;
};

/** `GET …/payouts`: what the platform owes the cooperative, how it came about, and how it was paid. */
export type PayoutStatement = {
  balance_fen: number;
  unpaid_fen: number;
  entries: LedgerEntry[];
  count: number;
  page: number;
  pageSize: number;
  payout_runs: PayoutRun[];
  account: { method: "manual" | "stripe_connect"; bank_name: string; bank_account_last4: string };
};

export type DeliveryRate = { province_code: string; province_name: string; amount_fen: number };

/** The units the marketplace sells by; an order line from before units existed has none. */
const knownUnits = ["jin", "kg", "box", "piece"] as const;
export type KnownUnit = (typeof knownUnits)[number];

export function knownUnit(unit: string | null): KnownUnit | null {
  return unit !== null && (knownUnits as readonly string[]).includes(unit) ? (unit as KnownUnit) : null;
}

/** How much a refund would return, as the backend works it out (lib/order-actions.ts `planRefund`). */
export function refundAmountFen(
  order: Pick<OrderDetail, "items" | "totals" | "refunds" | "payment">,
  lines: { item_id: string; quantity: number }[] | null,
): number {
  const available = order.payment ? order.payment.refundable_fen : 0;
  if (lines === null) {
    const shippingRefunded = order.refunds.reduce((sum, refund) => sum + refund.shipping_fen, 0);
    const shippingLeft = Math.max(0, (order.totals.shipping_fen ?? 0) - shippingRefunded);
    const itemsLeft = order.items.reduce((sum, item) => sum + (item.total_fen - item.refunded_fen), 0);
    return Math.min(available, itemsLeft + shippingLeft);
  }
  return lines.reduce((sum, line) => {
    const item = order.items.find((candidate) => candidate.id === line.item_id);
    if (!item) return sum;
    const left = item.quantity - item.refunded_quantity;
    return sum + (line.quantity === left ? item.total_fen - item.refunded_fen : item.unit_price_fen * line.quantity);
  }, 0);
}

/** The order list's filters as its form shows them (typed text, not yet checked). */
export type OrderListFilterValues = {
  status: string;
  q: string;
  from: string;
  to: string;
  pickup_point: string;
};

/** The list's address for another page, the filters kept. */
export function orderListSearch(values: OrderListFilterValues, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** A refund line's quantity field: `refund.<item id>`. */
export const refundFieldName = (itemId: string) => `refund.${itemId}`;
