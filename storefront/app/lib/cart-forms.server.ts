import { z } from "zod";

import { formError } from "./forms.server";

// The cart's forms, checked before the backend is called. The backend checks again (stock changes
// between the page and the post); its refusals are shown the same way.

/** The most one line may hold, as the backend allows (a bigger number is a typo). */
export const MAX_LINE_QUANTITY = 9999;

/** A whole number of pieces from 1 (0 only where `allowZero`: the cart's "set to 0 removes"). */
export function quantityField({ allowZero = false } = {}) {
  return z
    .string(formError("quantityInvalid"))
    .trim()
    .regex(/^\d{1,5}$/, formError("quantityInvalid"))
    .transform(Number)
    .refine((quantity) => (allowZero ? quantity >= 0 : quantity >= 1) && quantity <= MAX_LINE_QUANTITY, formError("quantityInvalid"));
}

const id = z.string(formError("invalid")).trim().min(1, formError("invalid")).max(100, formError("invalid"));

/** What the page said is left; only for a clear message before asking the backend, which decides. */
const shownStock = z
  .string()
  .optional()
  .transform((value) => (value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : null));

export const addToCartSchema = z.object({
  variant_id: id,
  quantity: quantityField(),
  available: shownStock,
  title: z
    .string()
    .optional()
    .transform((title) => (title ?? "").trim().slice(0, 200)),
  redirect_to: z.string().optional(),
});

export const updateLineSchema = z.object({
  line_id: id,
  quantity: quantityField({ allowZero: true }),
  available: shownStock,
});

export const removeLineSchema = z.object({ line_id: id });

export const chooseShippingSchema = z.object({ cooperative_id: id, option_id: id });
