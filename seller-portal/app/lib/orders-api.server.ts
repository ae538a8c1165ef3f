import { z } from "zod";

import type { CallBackend } from "./backend.server";
import {
  ledgerKinds,
  orderActions,
  orderStatuses,
  type DeliveryRate,
  type OrderAction,
  type OrderDetail,
  type OrderPage,
  type OrderStatus,
  type PackingList,
  type PayoutStatement,
  type PickupPoint,
} from "./cooperative-orders";
import type { MemberAccess } from "./portal-api.server";

/** A field the backend may leave out or send as null: null either way. */
const orNull = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | null => value ?? null);

/** A text the backend may leave out: empty then. */
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? "");

const fen = z.number().int();

/** A status this portal does not know (a newer backend) is shown as "placed" rather than breaking the page. */
const statusSchema = z
  .string()
  .transform((status): OrderStatus => ((orderStatuses as readonly string[]).includes(status) ? (status as OrderStatus) : "placed"));

/** Only the actions this portal knows how to offer. */
const actionsSchema = z
  .array(z.string())
  .nullish()
  .transform((actions) =>
    (actions ?? []).filter((action): action is OrderAction => (orderActions as readonly string[]).includes(action)),
  );

const kindSchema = z.enum(["delivery", "pickup"]).catch("delivery");

const pickupPointSchema = z.object({
  id: z.string(),
  name: text,
  address: text,
  hours: text,
  instructions: text,
}) satisfies z.ZodType<PickupPoint>;

const trackingSchema = orNull(
  z.object({ carrier: text, tracking_number: z.string(), tracking_url: orNull(z.string()) }),
);

const addressSchema = orNull(
  z.object({
    province: text,
    city: text,
    address: text,
    postal_code: text,
    codes: z
      .object({ province_code: z.string().optional(), city_code: z.string().optional(), district_code: z.string().optional() })
      .nullish()
      .transform((codes) => codes ?? {}),
  }),
);

const itemBrief = z.object({
  title: text,
  variant_title: orNull(z.string()),
  quantity: z.number(),
  unit: orNull(z.string()),
});

const orderSummarySchema = z.object({
  id: z.string(),
  display_id: z.number(),
  created_at: z.string(),
  status: statusSchema,
  shipping: z.object({
    kind: kindSchema,
    name: text,
    pickup_point: orNull(z.object({ id: z.string(), name: text })),
  }),
  tracking: trackingSchema,
  buyer: z.object({ name: text }),
  items: z.array(itemBrief),
  total_fen: fen,
  actions: actionsSchema,
});

const orderPageSchema = z
  .object({
    orders: z.array(orderSummarySchema),
    count: z.number().int(),
    page: z.number().int().nullish(),
    page_size: z.number().int().nullish(),
  })
  .transform(
    (answer): OrderPage => ({
      orders: answer.orders,
      count: answer.count,
      page: answer.page ?? 1,
      pageSize: answer.page_size ?? 20,
    }),
  );

const orderDetailSchema = z.object({
  id: z.string(),
  display_id: z.number(),
  created_at: z.string(),
  status: statusSchema,
  history: z
    .array(z.object({ status: statusSchema, at: z.string() }))
    .nullish()
    .transform((history) => history ?? []),
  cancel_reason: orNull(z.string()),
  shipping: z.object({
    kind: kindSchema,
    name: text,
    amount_fen: fen.nullish().transform((amount) => amount ?? 0),
    pickup_point: orNull(pickupPointSchema),
  }),
  tracking: trackingSchema,
  buyer: z.object({
    name: text,
    phone: orNull(z.string()),
    email: orNull(z.string()),
    address: addressSchema,
  }),
  items: z.array(
    z.object({
      id: z.string(),
      title: text,
      variant_title: orNull(z.string()),
      quantity: z.number(),
      unit: orNull(z.string()),
      unit_price_fen: fen,
      total_fen: fen,
      refunded_quantity: z.number().nullish().transform((quantity) => quantity ?? 0),
      refunded_fen: fen.nullish().transform((amount) => amount ?? 0),
    }),
  ),
  totals: z.object({
    items_fen: fen,
    shipping_fen: orNull(fen),
    total_fen: fen,
    paid_fen: orNull(fen),
    refunded_fen: orNull(fen),
  }),
  payment: orNull(
    z.object({
      method: orNull(z.enum(["pay_on_delivery", "stripe", "other"]).catch("other")),
      status: z.enum(["awaiting_payment", "paid", "partially_refunded", "refunded"]).catch("paid"),
      paid_fen: fen,
      refunded_fen: fen,
      refundable_fen: fen,
    }),
  ),
  refunds: z
    .array(
      z.object({
        id: z.string(),
        amount_fen: fen,
        reason: text,
        created_at: z.string(),
        lines: z
          .array(z.object({ item_id: z.string(), quantity: z.number(), amount_fen: fen }))
          .nullish()
          .transform((lines) => lines ?? []),
        shipping_fen: fen.nullish().transform((amount) => amount ?? 0),
      }),
    )
    .nullish()
    .transform((refunds) => refunds ?? []),
  actions: actionsSchema,
}) satisfies z.ZodType<OrderDetail, unknown>;

const orderAnswerSchema = z.object({ order: orderDetailSchema });

const packingListSchema = z.object({
  date: z.string(),
  groups: z.array(
    z.object({
      kind: kindSchema,
      pickup_point: orNull(pickupPointSchema),
      totals: z.array(itemBrief),
      orders: z.array(
        z.object({
          id: z.string(),
          display_id: z.number(),
          status: statusSchema,
          buyer: z.object({ name: text, phone: orNull(z.string()), address: addressSchema }),
          items: z.array(itemBrief),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<PackingList, unknown>;

const payoutStatementSchema = z
  .object({
    balance_fen: fen,
    unpaid_fen: fen,
    entries: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(ledgerKinds),
        amount_fen: fen,
        order_id: orNull(z.string()),
        commission_rate_bps: orNull(z.number()),
        description: text,
        payout_run_id: orNull(z.string()),
        created_at: z.string(),
      }),
    ),
    count: z.number().int(),
    page: z.number().int().nullish(),
    page_size: z.number().int().nullish(),
    payout_runs: z.array(
      z.object({
        id: z.string(),
        period_start: z.string(),
        period_end: z.string(),
        status: z.enum(["draft", "settled"]),
        method: z.enum(["manual", "stripe_connect"]).catch("manual"),
        reference: orNull(z.string()),
        settled_at: orNull(z.string()),
        amount_fen: fen,
      }),
    ),
    account: z
      .object({
        method: z.enum(["manual", "stripe_connect"]).catch("manual"),
        bank_name: text,
        bank_account_last4: text,
      })
      .nullish()
      .transform((account) => account ?? { method: "manual" as const, bank_name: "", bank_account_last4: "" }),
  })
  .transform(
    ({ page, page_size, ...statement }): PayoutStatement => ({
      ...statement,
      page: page ?? 1,
      pageSize: page_size ?? 50,
    }),
  );

const deliveryRatesSchema = z.object({
  rates: z.array(z.object({ province_code: z.string(), province_name: text, amount_fen: fen })),
});

/** The list's filters, as the backend takes them (docs/api/orders.md). */
export type OrderFilters = {
  status?: OrderStatus;
  q?: string;
  from?: string;
  to?: string;
  pickup_point?: string;
  page?: number;
};

/** What a manager's action on an order sends; `pack`, `ready_for_pickup`, `picked_up` and `delivered` send nothing. */
export type OrderActionBody =
  | { action: "pack" | "ready_for_pickup" | "picked_up" | "delivered" }
  | { action: "ship"; carrier: string; tracking_number: string }
  | { action: "cancel"; reason: string }
  | { action: "refund"; reason: string; lines?: { item_id: string; quantity: number }[] };

/** The path segment of each action: `ready_for_pickup` → `ready-for-pickup`. */
export function actionPath(action: OrderAction): string {
  return action.replaceAll("_", "-");
}

/** Drops empty values so the query string carries only the filters in use. */
function query(filters: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The marketplace plugin's cooperative order, packing, payout and shipping routes, as the portal calls them. */
export function createOrdersApi(callBackend: CallBackend) {
  const portal = (path: string, access: MemberAccess, init: { method?: "POST" | "DELETE"; body?: unknown } = {}) =>
    callBackend(path, { ...init, token: access.token, locale: access.locale });
  const cooperative = (id: string) => `/portal/cooperatives/${encodeURIComponent(id)}`;
  const pickupPoint = (id: string, pointId: string) => `${cooperative(id)}/pickup-points/${encodeURIComponent(pointId)}`;
  const order = (id: string, orderId: string) => `${cooperative(id)}/orders/${encodeURIComponent(orderId)}`;

  return {
    /** A farmer's orders are only those with their produce, showing only their lines. */
    async listOrders(access: MemberAccess, cooperativeId: string, filters: OrderFilters): Promise<OrderPage> {
      return orderPageSchema.parse(await portal(`${cooperative(cooperativeId)}/orders${query(filters)}`, access));
    },

    async getOrder(access: MemberAccess, cooperativeId: string, orderId: string): Promise<OrderDetail> {
      return orderAnswerSchema.parse(await portal(order(cooperativeId, orderId), access)).order;
    },

    /** A manager's action; the order as it is afterwards. */
    async actOnOrder(
      access: MemberAccess,
      cooperativeId: string,
      orderId: string,
      { action, ...body }: OrderActionBody,
    ): Promise<OrderDetail> {
      const answer = await portal(`${order(cooperativeId, orderId)}/${actionPath(action)}`, access, {
        method: "POST",
        body,
      });
      return orderAnswerSchema.parse(answer).order;
    },

    async getPackingList(
      access: MemberAccess,
      cooperativeId: string,
      filters: { date?: string; pickup_point?: string },
    ): Promise<PackingList> {
      return packingListSchema.parse(await portal(`${cooperative(cooperativeId)}/packing-list${query(filters)}`, access));
    },

    /** Managers only; anyone else gets the backend's 404. */
    async getPayouts(access: MemberAccess, cooperativeId: string, page: number): Promise<PayoutStatement> {
      return payoutStatementSchema.parse(
        await portal(`${cooperative(cooperativeId)}/payouts${query({ page: page > 1 ? page : undefined })}`, access),
      );
    },

    async listPickupPoints(access: MemberAccess, cooperativeId: string): Promise<PickupPoint[]> {
      const answer = await portal(`${cooperative(cooperativeId)}/pickup-points`, access);
      return z.object({ pickup_points: z.array(pickupPointSchema) }).parse(answer).pickup_points;
    },

    async addPickupPoint(
      access: MemberAccess,
      cooperativeId: string,
      body: { name: string; address: string; hours: string; instructions: string },
    ): Promise<void> {
      await portal(`${cooperative(cooperativeId)}/pickup-points`, access, { method: "POST", body });
    },

    /** The whole point as the form shows it; the backend keeps what is unchanged. */
    async editPickupPoint(
      access: MemberAccess,
      cooperativeId: string,
      pointId: string,
      body: { name: string; address: string; hours: string; instructions: string },
    ): Promise<PickupPoint> {
      const answer = await portal(pickupPoint(cooperativeId, pointId), access, { method: "POST", body });
      return z.object({ pickup_point: pickupPointSchema }).parse(answer).pickup_point;
    },

    /** The backend refuses (409) while orders are still to be collected there. */
    async removePickupPoint(access: MemberAccess, cooperativeId: string, pointId: string): Promise<void> {
      await portal(pickupPoint(cooperativeId, pointId), access, { method: "DELETE" });
    },

    async listDeliveryRates(access: MemberAccess, cooperativeId: string): Promise<DeliveryRate[]> {
      return deliveryRatesSchema.parse(await portal(`${cooperative(cooperativeId)}/delivery-rates`, access)).rates;
    },

    /** Replaces the whole fee table: a province left out gets no delivery. */
    async setDeliveryRates(
      access: MemberAccess,
      cooperativeId: string,
      rates: { province_code: string; amount_fen: number }[],
    ): Promise<DeliveryRate[]> {
      const answer = await portal(`${cooperative(cooperativeId)}/delivery-rates`, access, {
        method: "POST",
        body: { rates },
      });
      return deliveryRatesSchema.parse(answer).rates;
    },
  };
}

export type OrdersApi = ReturnType<typeof createOrdersApi>;
