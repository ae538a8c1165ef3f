import type { Locale } from "@tianyuan/web-common/locale.ts";
import { z } from "zod";

import { translations } from "../i18n/translations.server";
import {
  orderStatuses,
  refundFieldName,
  type OrderDetail,
  type OrderListFilterValues,
  type OrderStatus,
} from "./cooperative-orders";
import { formError, type FieldOf, type FormFailure } from "./forms.server";
import { FETCHER_FIELD } from "./hydrated";
import type { OrderFilters } from "./orders-api.server";
import { normaliseNumberText, optionalDateField } from "./produce-forms.server";

// The cooperative order screens' forms, with the contract's rules (docs/api/orders.md and the
// backend's lib/order-actions.ts) checked before the backend is called, so a mistake is named
// beside its field in the member's language.

/** A fetcher sent the form (JavaScript runs): answer data, do not redirect. */
export function sentByFetcher(formData: FormData): boolean {
  return formData.get(FETCHER_FIELD) === "1";
}

// --- The order list's filters (a GET form) -----------------------------------------------------

const MAX_PAGE = 10_000;

export type OrderListQuery = {
  /** What goes to the backend: only the filters that make sense. */
  filters: OrderFilters & { page: number };
  /** What the filter form shows again, as typed. */
  values: OrderListFilterValues;
  fieldErrors: Partial<Record<"from" | "to", string>>;
};

function pageNumber(text: string | null): number {
  const page = Number(text);
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
}

/**
 * The list's filters from its address. A date that cannot be read is named beside its field and
 * left out; an unknown status or pickup point is simply not applied.
 */
export function readOrderListQuery(searchParams: URLSearchParams, locale: Locale): OrderListQuery {
  const value = (name: string) => (searchParams.get(name) ?? "").trim();
  const values: OrderListFilterValues = {
    status: value("status"),
    q: value("q").slice(0, 60),
    from: value("from"),
    to: value("to"),
    pickup_point: value("pickup_point").slice(0, 80),
  };
  const messages = translations[locale].formErrors;
  const fieldErrors: OrderListQuery["fieldErrors"] = {};
  const day = (field: "from" | "to"): string | undefined => {
    const parsed = optionalDateField.safeParse(values[field]);
    if (parsed.success) return parsed.data;
    fieldErrors[field] = messages.dateInvalid;
    return undefined;
  };
  let from = day("from");
  let to = day("to");
  // "From the 9th to the 3rd" means the days in between, whichever way round they were typed.
  if (from && to && from > to) [from, to] = [to, from];
  const status = (orderStatuses as readonly string[]).includes(values.status) ? (values.status as OrderStatus) : undefined;
  return {
    filters: {
      ...(status ? { status } : {}),
      ...(values.q ? { q: values.q } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(values.pickup_point ? { pickup_point: values.pickup_point } : {}),
      page: pageNumber(searchParams.get("page")),
    },
    values,
    fieldErrors,
  };
}

/** The packing list's day and pickup point; an unreadable day is today's (the backend's default). */
export function readPackingListQuery(
  searchParams: URLSearchParams,
  locale: Locale,
): { date?: string; pickup_point?: string; values: { date: string; pickup_point: string }; dateError: string | null } {
  const values = {
    date: (searchParams.get("date") ?? "").trim(),
    pickup_point: (searchParams.get("pickup_point") ?? "").trim().slice(0, 80),
  };
  const parsed = optionalDateField.safeParse(values.date);
  return {
    ...(parsed.success && parsed.data ? { date: parsed.data } : {}),
    ...(values.pickup_point ? { pickup_point: values.pickup_point } : {}),
    values,
    dateError: parsed.success ? null : translations[locale].formErrors.dateInvalid,
  };
}

export function pageOf(searchParams: URLSearchParams): number {
  return pageNumber(searchParams.get("page"));
}

// --- A manager's actions on one order -----------------------------------------------------------

const orderIntents = ["pack", "ship", "ready_for_pickup", "picked_up", "delivered", "cancel", "refund"] as const;
export type OrderIntent = (typeof orderIntents)[number];

export const orderIntentSchema = z.object({
  intent: z.enum(orderIntents),
  /** Cancel and refund ask first: "1" carries it out, "back" returns to the form with what was typed. */
  confirm: z.enum(["1", "back"]).optional(),
});

/** A trimmed text of min–max characters (counted as the member sees them). */
const textField = (min: number, max: number, key: Parameters<typeof formError>[0]) =>
  z
    .string(formError(key))
    .trim()
    .refine((value) => [...value].length >= min && [...value].length <= max, formError(key));

export const shipFormSchema = z.object({
  carrier: textField(1, 40, "carrierInvalid"),
  // Copied from a courier's slip or typed on a Chinese keyboard: spaces and full-width characters go.
  tracking_number: z
    .string(formError("trackingNumberInvalid"))
    .transform((value) =>
      value
        .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
        .replace(/\s+/g, "")
        .toUpperCase(),
    )
    .refine((value) => /^[A-Z0-9-]{6,40}$/.test(value), formError("trackingNumberInvalid")),
});
export type ShipField = FieldOf<typeof shipFormSchema>;

export const reasonFormSchema = z.object({ reason: textField(1, 200, "reasonMissing") });

/** Which field a backend error code is about, on the order's forms. */
export const orderFieldForBackendCode = {
  carrier_invalid: "carrier",
  tracking_number_invalid: "tracking_number",
  reason_missing: "reason",
} as const satisfies Record<string, string>;

export type RefundFormValues = Record<string, string>;

export type RefundSubmission =
  | { ok: true; reason: string; lines: { item_id: string; quantity: number }[] | null; values: RefundFormValues }
  | { ok: false; failure: FormFailure<string> };

/**
 * A refund: the reason, and either the whole order (`scope=order`) or some lines (`scope=lines`,
 * each line's quantity in `refund.<item id>`, empty or 0 for none). Quantities are checked against
 * what is left of each line, so the member learns at once which one is too many.
 */
export function readRefundForm(formData: FormData, order: Pick<OrderDetail, "items">, locale: Locale): RefundSubmission {
  const messages = translations[locale];
  const values: RefundFormValues = {};
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  values.reason = field("reason");
  values.scope = field("scope") === "lines" ? "lines" : "order";
  for (const item of order.items) values[refundFieldName(item.id)] = field(refundFieldName(item.id));

  const fieldErrors: Record<string, string> = {};
  const reason = reasonFormSchema.safeParse({ reason: values.reason });
  if (!reason.success) fieldErrors.reason = messages.formErrors.reasonMissing;

  let lines: { item_id: string; quantity: number }[] | null = null;
  if (values.scope === "lines") {
    lines = [];
    for (const item of order.items) {
      const name = refundFieldName(item.id);
      const typed = normaliseNumberText(values[name] ?? "");
      if (typed === "" || typed === "0") continue;
      const left = item.quantity - item.refunded_quantity;
      const quantity = Number(typed);
      if (!/^\d+$/.test(typed) || quantity < 1 || quantity > left) {
        fieldErrors[name] = messages.orderDetail.refundQuantityInvalid.replace("{{max}}", String(left));
        continue;
      }
      lines.push({ item_id: item.id, quantity });
    }
    if (lines.length === 0 && Object.keys(fieldErrors).every((name) => name === "reason")) {
      fieldErrors.scope = messages.formErrors.refundNothingChosen;
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !reason.success) {
    return { ok: false, failure: { values, fieldErrors, formError: null } };
  }
  return { ok: true, reason: reason.data.reason, lines, values };
}

// --- Pickup points and delivery fees ----------------------------------------------------------

export const pickupPointFormSchema = z.object({
  name: textField(1, 60, "pickupNameInvalid"),
  address: textField(1, 200, "pickupAddressInvalid"),
  hours: textField(0, 120, "textTooLong"),
  instructions: textField(0, 500, "textTooLong"),
});
export type PickupPointField = FieldOf<typeof pickupPointFormSchema>;

export const pickupPointEcho = ["name", "address", "hours", "instructions"] as const satisfies readonly PickupPointField[];

/** Yuan with at most two decimals, from 0 (free delivery) to ¥1,000; sent on as fen. */
const MAX_DELIVERY_FEE_FEN = 100_000;

export const deliveryRateFormSchema = z.object({
  province_code: z
    .string(formError("provinceRequired"))
    .trim()
    .refine((code) => /^\d{2}$/.test(code), formError("provinceRequired")),
  fee: z.string(formError("deliveryFeeInvalid")).transform((input, context) => {
    const typed = normaliseNumberText(input);
    const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(typed);
    const fen = match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : Number.NaN;
    if (!match || !(fen <= MAX_DELIVERY_FEE_FEN)) {
      context.addIssue({ code: "custom", message: "deliveryFeeInvalid" });
      return z.NEVER;
    }
    return fen;
  }),
});
export type DeliveryRateField = FieldOf<typeof deliveryRateFormSchema>;

/** A pickup point's id (its stock location's) as a form posts it back. */
const pickupPointId = z.string().trim().min(1).max(80);

export const shippingIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add_pickup_point") }),
  z.object({ intent: z.literal("edit_pickup_point"), point_id: pickupPointId }),
  /** Removing asks first: "1" carries it out, "back" keeps the point; works without JavaScript. */
  z.object({
    intent: z.literal("remove_pickup_point"),
    point_id: pickupPointId,
    confirm: z.enum(["1", "back"]).optional(),
  }),
  z.object({ intent: z.literal("set_rate") }),
  z.object({ intent: z.literal("remove_rate"), province_code: z.string().regex(/^\d{2}$/) }),
]);

/** Which field a backend error code is about, on the shipping settings' forms. */
export const shippingFieldForBackendCode = {
  province_unknown: "province_code",
  delivery_rate_invalid: "fee",
} as const satisfies Record<string, DeliveryRateField>;
