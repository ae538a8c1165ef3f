import type { Locale } from "@tianyuan/web-common/locale.ts";
import { produceUnits, type ProduceUnit } from "@tianyuan/web-common/produce.ts";
import { z } from "zod";

import { env } from "../env.server";
import { pickupPointSchema } from "./cart.server";
import { callStore } from "./medusa.server";
import {
  isOrderStatus,
  MANUAL_PAYMENT_PROVIDER,
  paymentKindOf,
  STRIPE_PAYMENT_PROVIDER,
  type Checkout,
  type CooperativeOrder,
  type PaymentKind,
} from "./orders";
import { isStoreError, type CallStore } from "./store-api.server";

// Placing the order and reading it back (docs/api/orders.md): Medusa's payment collection and
// session routes, then our `POST /store/checkouts`, `GET /store/checkouts/:id` and the customer's list.

const orNull = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | null => value ?? null);

const fen = z.coerce.number().int();

const unitSchema = z
  .string()
  .nullish()
  .transform((unit): ProduceUnit | null => (produceUnits as readonly string[]).find((known) => known === unit) as ProduceUnit | undefined ?? null);

const orderSchema = z
  .object({
    id: z.string(),
    display_id: orNull(z.union([z.string(), z.number()])).transform((id) => (id === null ? "" : String(id))),
    cooperative: z.object({ id: z.string(), handle: orNull(z.string()), name: orNull(z.string()) }),
    status: z.string(),
    total_fen: fen,
    shipping: orNull(
      z.object({
        kind: z.enum(["delivery", "pickup"]),
        name: z.string(),
        amount_fen: fen,
        pickup_point: orNull(pickupPointSchema),
      }),
    ),
    carrier: orNull(z.string()),
    tracking_number: orNull(z.string()),
    items: z.array(
      z.object({
        title: z.string(),
        variant_title: orNull(z.string()),
        quantity: z.coerce.number().int(),
        unit: unitSchema,
        unit_price_fen: fen,
        total_fen: fen,
      }),
    ),
  })
  .transform(
    (order): CooperativeOrder => ({
      id: order.id,
      displayId: order.display_id,
      cooperative: { id: order.cooperative.id, handle: order.cooperative.handle, name: order.cooperative.name ?? "" },
      status: isOrderStatus(order.status) ? order.status : null,
      rawStatus: order.status,
      totalFen: order.total_fen,
      shipping: order.shipping
        ? {
            kind: order.shipping.kind,
            name: order.shipping.name,
            amountFen: order.shipping.amount_fen,
            pickupPoint: order.shipping.pickup_point,
          }
        : null,
      carrier: order.carrier,
      trackingNumber: order.tracking_number,
      items: order.items.map((item) => ({
        title: item.title,
        variantTitle: item.variant_title,
        quantity: item.quantity,
        unit: item.unit,
        unitPriceFen: item.unit_price_fen,
        totalFen: item.total_fen,
      })),
    }),
  );

export const checkoutSchema = z
  .object({
    id: z.string(),
    email: orNull(z.string()),
    created_at: z.union([z.string(), z.date()]).transform((value) => new Date(value).toISOString()),
    total_fen: fen,
    payment_provider: orNull(z.string()),
    orders: z.array(orderSchema),
  })
  .transform(
    (checkout): Checkout => ({
      id: checkout.id,
      email: checkout.email,
      createdAt: checkout.created_at,
      totalFen: checkout.total_fen,
      payment: paymentKindOf(checkout.payment_provider),
      orders: checkout.orders,
    }),
  );

const checkoutAnswerSchema = z.object({ checkout: checkoutSchema });
const checkoutListSchema = z.object({ checkouts: z.array(checkoutSchema), count: z.coerce.number().optional() });

const paymentCollectionSchema = z.object({
  payment_collection: z.object({
    id: z.string(),
    payment_sessions: orNull(
      z.array(z.object({ id: z.string(), provider_id: z.string(), data: orNull(z.record(z.string(), z.unknown())) })),
    ),
  }),
});

const paymentProvidersSchema = z.object({ payment_providers: z.array(z.object({ id: z.string() })) });

type Access = { locale: Locale; token?: string | undefined };

// Completing a checkout creates an order per cooperative, reserves stock and authorises the payment.
const CHECKOUT_TIMEOUT_MS = 60_000;

export function createCheckoutApi(call: CallStore, { stripePublishableKey }: { stripePublishableKey?: string | undefined }) {
  /**
   * The ways to pay this cart's region offers: pay on delivery / at pickup (the system provider), and
   * Stripe only when the backend lists it for the region (STRIPE_API_KEY there) and this storefront
   * has Stripe's publishable key to load Stripe.js with.
   */
  async function paymentChoices(regionId: string | null, access: Access): Promise<PaymentKind[]> {
    if (!regionId) return ["manual"];
    const answer = paymentProvidersSchema.parse(
      await call(`/store/payment-providers?region_id=${encodeURIComponent(regionId)}`, access),
    );
    const ids = new Set(answer.payment_providers.map((provider) => provider.id));
    const choices: PaymentKind[] = [];
    if (ids.has(MANUAL_PAYMENT_PROVIDER)) choices.push("manual");
    if (ids.has(STRIPE_PAYMENT_PROVIDER) && stripePublishableKey) choices.push("stripe");
    return choices;
  }

  /** The cart's payment collection (created once) with a fresh session for the chosen provider. */
  async function startPayment(cartId: string, kind: PaymentKind, access: Access) {
    const collection = paymentCollectionSchema.parse(
      await call("/store/payment-collections", { ...access, method: "POST", body: { cart_id: cartId } }),
    ).payment_collection;
    const providerId = kind === "stripe" ? STRIPE_PAYMENT_PROVIDER : MANUAL_PAYMENT_PROVIDER;
    const answer = paymentCollectionSchema.parse(
      await call(`/store/payment-collections/${encodeURIComponent(collection.id)}/payment-sessions`, {
        ...access,
        method: "POST",
        body: { provider_id: providerId },
      }),
    ).payment_collection;
    const session = answer.payment_sessions?.find((candidate) => candidate.provider_id === providerId) ?? null;
    return { collectionId: collection.id, session };
  }

  /** `POST /store/checkouts`: one order per cooperative. Asking again for a completed cart answers the same checkout. */
  async function completeCheckout(cartId: string, access: Access): Promise<Checkout> {
    const answer = await call("/store/checkouts", {
      ...access,
      method: "POST",
      body: { cart_id: cartId },
      timeoutMs: CHECKOUT_TIMEOUT_MS,
    });
    return checkoutAnswerSchema.parse(answer).checkout;
  }

  /** The confirmation page's checkout; null when unknown. */
  async function findCheckout(id: string, access: Access): Promise<Checkout | null> {
    try {
      return checkoutAnswerSchema.parse(await call(`/store/checkouts/${encodeURIComponent(id)}`, access)).checkout;
    } catch (error) {
      if (isStoreError(error, 404) || isStoreError(error, 400)) return null;
      throw error;
    }
  }

  /** The signed-in customer's checkouts, newest first. */
  async function listMyCheckouts(access: Access & { token: string }): Promise<Checkout[]> {
    return checkoutListSchema.parse(await call("/store/customers/me/checkouts", access)).checkouts;
  }

  return { paymentChoices, startPayment, completeCheckout, findCheckout, listMyCheckouts };
}

export const checkoutApi = createCheckoutApi(callStore, { stripePublishableKey: env.STRIPE_PUBLISHABLE_KEY });
