import type { ProduceUnit } from "@tianyuan/web-common/produce.ts";

// What the cart and checkout pages show (docs/api/orders.md, `GET /store/carts/:id/cooperatives`),
// shaped in cart.server.ts. This travels to the browser: no zod here. Money is integer fen.

export type PickupPoint = {
  id: string;
  name: string;
  address: string;
  hours: string;
  instructions: string;
};

export type ShippingChoice = {
  id: string;
  kind: "delivery" | "pickup";
  name: string;
  amountFen: number;
  pickupPoint: PickupPoint | null;
};

export type CartLine = {
  id: string;
  variantId: string;
  productHandle: string | null;
  title: string;
  variantTitle: string | null;
  thumbnail: string | null;
  quantity: number;
  unit: ProduceUnit | null;
  unitPriceFen: number;
  totalFen: number;
  /** What is left to sell: the most this line may hold; null when stock is not tracked. */
  available: number | null;
};

export type CooperativeGroup = {
  cooperative: { id: string; handle: string | null; name: string; villageName: string | null };
  items: CartLine[];
  subtotalFen: number;
  options: ShippingChoice[];
  selectedOptionId: string | null;
};

/** What still stands between the cart and an order: `email`, `address`, `shipping:<cooperative id>`, `payment`. */
export type CartMissing = string;

export type CartView = {
  groups: CooperativeGroup[];
  itemsTotalFen: number;
  shippingTotalFen: number;
  totalFen: number;
  ready: boolean;
  missing: CartMissing[];
};

/** A cooperative whose delivery or pickup is not chosen yet. */
export function needsShippingChoice(view: Pick<CartView, "missing">, cooperativeId: string): boolean {
  return view.missing.includes(`shipping:${cooperativeId}`);
}

/** True when the buyer is still to choose for at least one delivery option's province (none listed yet). */
export function deliveryWaitsForAddress(group: CooperativeGroup): boolean {
  return !group.options.some((option) => option.kind === "delivery");
}
