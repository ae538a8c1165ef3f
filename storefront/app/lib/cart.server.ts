import type { Locale } from "@tianyuan/web-common/locale.ts";
import { produceUnits } from "@tianyuan/web-common/produce.ts";
import { z } from "zod";

import type { CartView, CooperativeGroup, PickupPoint } from "./cart";
import { callStore } from "./medusa.server";
import { isStoreError, type CallStore } from "./store-api.server";

// The cart through Medusa's own store routes and our `GET /store/carts/:id/cooperatives`
// (docs/api/orders.md). Answers are checked before a page relies on them.

/** A field the backend may leave out or send as null: null either way. */
const orNull = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | null => value ?? null);

/** Integer fen; a numeric string (a bigint from SQL) is read too. */
const fen = z.coerce.number().int();

export const pickupPointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: orNull(z.string()),
    hours: orNull(z.string()),
    instructions: orNull(z.string()),
  })
  .transform(
    (point): PickupPoint => ({
      id: point.id,
      name: point.name,
      address: point.address ?? "",
      hours: point.hours ?? "",
      instructions: point.instructions ?? "",
    }),
  );

export const shippingChoiceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["delivery", "pickup"]),
    name: z.string(),
    amount_fen: fen,
    pickup_point: orNull(pickupPointSchema),
  })
  .transform(({ id, kind, name, amount_fen, pickup_point }) => ({
    id,
    kind,
    name,
    amountFen: amount_fen,
    pickupPoint: pickup_point,
  }));

const unitSchema = z
  .string()
  .nullish()
  .transform((unit) => (produceUnits as readonly string[]).find((known) => known === unit) ?? null) as z.ZodType<
  (typeof produceUnits)[number] | null
>;

const cartLineSchema = z
  .object({
    id: z.string(),
    variant_id: z.string(),
    product_handle: orNull(z.string()),
    title: z.string(),
    variant_title: orNull(z.string()),
    thumbnail: orNull(z.string()),
    quantity: z.coerce.number().int(),
    unit: unitSchema,
    unit_price_fen: fen,
    total_fen: fen,
    // Null when the backend does not track this produce's stock.
    available: orNull(z.coerce.number().int()),
  })
  .transform((line) => ({
    id: line.id,
    variantId: line.variant_id,
    productHandle: line.product_handle,
    title: line.title,
    variantTitle: line.variant_title,
    thumbnail: line.thumbnail,
    quantity: line.quantity,
    unit: line.unit,
    unitPriceFen: line.unit_price_fen,
    totalFen: line.total_fen,
    available: line.available === null ? null : Math.max(0, line.available),
  }));

const groupSchema = z
  .object({
    cooperative: z.object({
      id: z.string(),
      handle: orNull(z.string()),
      name: z.string(),
      village_name: orNull(z.string()),
    }),
    items: z.array(cartLineSchema),
    subtotal_fen: fen,
    options: z.array(shippingChoiceSchema),
    selected_option_id: orNull(z.string()),
  })
  .transform(
    (group): CooperativeGroup => ({
      cooperative: {
        id: group.cooperative.id,
        handle: group.cooperative.handle,
        name: group.cooperative.name,
        villageName: group.cooperative.village_name,
      },
      items: group.items,
      subtotalFen: group.subtotal_fen,
      options: group.options,
      selectedOptionId: group.selected_option_id,
    }),
  );

export const cartViewSchema = z
  .object({
    groups: z.array(groupSchema),
    items_total_fen: fen,
    shipping_total_fen: fen,
    total_fen: fen,
    ready: z.boolean(),
    missing: z.array(z.string()),
  })
  .transform(
    (view): CartView => ({
      groups: view.groups,
      itemsTotalFen: view.items_total_fen,
      shippingTotalFen: view.shipping_total_fen,
      totalFen: view.total_fen,
      ready: view.ready,
      missing: view.missing,
    }),
  );

const medusaCartSchema = z.object({
  cart: z.object({
    id: z.string(),
    email: orNull(z.string()),
    region_id: orNull(z.string()),
    customer_id: orNull(z.string()),
    completed_at: orNull(z.union([z.string(), z.date()])),
    items: orNull(z.array(z.object({ id: z.string(), quantity: z.coerce.number() }))),
    shipping_address: orNull(
      z.object({
        first_name: orNull(z.string()),
        phone: orNull(z.string()),
        province: orNull(z.string()),
        city: orNull(z.string()),
        address_1: orNull(z.string()),
        address_2: orNull(z.string()),
        postal_code: orNull(z.string()),
        metadata: orNull(z.record(z.string(), z.unknown())),
      }),
    ),
    payment_collection: orNull(
      z.object({
        id: z.string(),
        payment_sessions: orNull(
          z.array(
            z.object({
              id: z.string(),
              provider_id: z.string(),
              status: orNull(z.string()),
              data: orNull(z.record(z.string(), z.unknown())),
            }),
          ),
        ),
      }),
    ),
  }),
});

export type MedusaCart = z.infer<typeof medusaCartSchema>["cart"];

const CART_FIELDS = [
  "id",
  "email",
  "region_id",
  "customer_id",
  "completed_at",
  "items.id",
  "items.quantity",
  "shipping_address.*",
  "payment_collection.id",
  "payment_collection.payment_sessions.*",
].join(",");

type Access = { locale: Locale; token?: string | undefined };

const SHIPPING_CHOICE_ATTEMPTS = 4;
const SHIPPING_CHOICE_RETRY_MS = 250;

export function createCartApi(call: CallStore) {
  /** `POST /store/carts`: the store's default region (China, CNY); the customer's when signed in. */
  async function createCart(access: Access): Promise<MedusaCart> {
    const answer = await call(`/store/carts?fields=${CART_FIELDS}`, { ...access, method: "POST", body: {} });
    return medusaCartSchema.parse(answer).cart;
  }

  /** The cart, or null when the backend does not know it (any more). */
  async function findCart(cartId: string, access: Access): Promise<MedusaCart | null> {
    try {
      const answer = await call(`/store/carts/${encodeURIComponent(cartId)}?fields=${CART_FIELDS}`, access);
      return medusaCartSchema.parse(answer).cart;
    } catch (error) {
      if (isStoreError(error, 404)) return null;
      throw error;
    }
  }

  /** The cart grouped by cooperative; null when the backend does not know it. */
  async function findCartView(cartId: string, access: Access): Promise<CartView | null> {
    try {
      const answer = await call(`/store/carts/${encodeURIComponent(cartId)}/cooperatives`, access);
      return cartViewSchema.parse(answer);
    } catch (error) {
      if (isStoreError(error, 404)) return null;
      throw error;
    }
  }

  async function addLine(cartId: string, line: { variantId: string; quantity: number }, access: Access) {
    const answer = await call(`/store/carts/${encodeURIComponent(cartId)}/line-items?fields=${CART_FIELDS}`, {
      ...access,
      method: "POST",
      body: { variant_id: line.variantId, quantity: line.quantity },
    });
    return medusaCartSchema.parse(answer).cart;
  }

  async function updateLine(cartId: string, lineId: string, quantity: number, access: Access) {
    const answer = await call(
      `/store/carts/${encodeURIComponent(cartId)}/line-items/${encodeURIComponent(lineId)}?fields=${CART_FIELDS}`,
      { ...access, method: "POST", body: { quantity } },
    );
    return medusaCartSchema.parse(answer).cart;
  }

  /** Medusa answers a removal with `{ parent: cart }`; the cart is read again for its count. */
  async function removeLine(cartId: string, lineId: string, access: Access) {
    await call(`/store/carts/${encodeURIComponent(cartId)}/line-items/${encodeURIComponent(lineId)}`, {
      ...access,
      method: "DELETE",
    });
    return findCart(cartId, access);
  }

  /**
   * One shipping method per cooperative: Medusa replaces the cooperative's earlier choice (same profile).
   * Medusa's workflow holds a lock on the cart and gives a second request only two seconds before it
   * fails with a 500; a buyer tapping delivery, then a pickup point, on a slow phone sends exactly
   * that. Choosing again is harmless (the later choice wins), so a 500 is retried a few times.
   */
  async function chooseShipping(cartId: string, optionId: string, access: Access) {
    for (let attempt = 1; ; attempt++) {
      try {
        await call(`/store/carts/${encodeURIComponent(cartId)}/shipping-methods?fields=id`, {
          ...access,
          method: "POST",
          body: { option_id: optionId },
        });
        return;
      } catch (error) {
        if (attempt >= SHIPPING_CHOICE_ATTEMPTS || !isStoreError(error, 500)) throw error;
        await new Promise((resolve) => setTimeout(resolve, SHIPPING_CHOICE_RETRY_MS * attempt));
      }
    }
  }

  async function updateCart(cartId: string, update: Record<string, unknown>, access: Access) {
    const answer = await call(`/store/carts/${encodeURIComponent(cartId)}?fields=${CART_FIELDS}`, {
      ...access,
      method: "POST",
      body: update,
    });
    return medusaCartSchema.parse(answer).cart;
  }

  /** `POST /store/carts/:id/customer`: a guest's cart becomes the signed-in customer's. */
  async function attachCustomer(cartId: string, access: Access & { token: string }) {
    await call(`/store/carts/${encodeURIComponent(cartId)}/customer?fields=id`, { ...access, method: "POST", body: {} });
  }

  return { createCart, findCart, findCartView, addLine, updateLine, removeLine, chooseShipping, updateCart, attachCustomer };
}

export const cartApi = createCartApi(callStore);
