import type { Locale } from "@tianyuan/web-common/locale.ts";
import { produceUnits, storageKinds } from "@tianyuan/web-common/produce.ts";
import { z } from "zod";

import { translations } from "../i18n/translations.server";
import type { NewProduce, VariantChange } from "./cooperative-api.server";
import type { KeptPhoto } from "./cooperative-produce";
import { formError, type FieldOf, type FormFailure } from "./forms.server";
import { variantFieldName } from "./produce-list";

// The farmer's produce forms, with the contract's rules (docs/api/produce.md) checked before the
// backend is called, so a mistake is named beside its field in the member's language.

export const MAX_PHOTOS = 8;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

const MAX_PRICE_YUAN = 100_000;
const MAX_STOCK = 1_000_000;
const MAX_NET_WEIGHT_KG = 1_000;

/** The one variant a quick listing has; its title is never shown while it is the only one. */
export const SINGLE_VARIANT_TITLE = "标准";

/**
 * What phones type into number fields: full-width digits and points from a Chinese keyboard, a ¥
 * sign or 元 the member added, spaces. "１２．５元" → "12.5".
 */
export function normaliseNumberText(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(/[．。]/g, ".")
    .replace(/[\s,，]/g, "")
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "");
}

/** Yuan with at most two decimals, above 0 and at most ¥100,000; sent on as the normalised text. */
export const priceField = z.string(formError("priceInvalid")).transform((input, context) => {
  const text = normaliseNumberText(input);
  const yuan = Number(text);
  if (!/^\d+(\.\d{1,2})?$/.test(text) || !(yuan > 0) || yuan > MAX_PRICE_YUAN) {
    context.addIssue({ code: "custom", message: "priceInvalid" });
    return z.NEVER;
  }
  return text;
});

/** A whole number from 0 to 1,000,000. */
export const stockField = z.string(formError("stockInvalid")).transform((input, context) => {
  const text = normaliseNumberText(input);
  const stock = Number(text);
  if (!/^\d+$/.test(text) || stock > MAX_STOCK) {
    context.addIssue({ code: "custom", message: "stockInvalid" });
    return z.NEVER;
  }
  return stock;
});

/** An empty field is "not given". */
const optionalText = (maxLength: number) =>
  z
    .string()
    .optional()
    .transform((text) => text?.trim() || undefined)
    .refine((text) => text === undefined || [...text].length <= maxLength, formError("textTooLong"));

/**
 * A calendar date: the date picker's 2026-09-20, or 2026/9/20 and 2026年9月20日 typed by hand where
 * there is no picker. Answers YYYY-MM-DD.
 */
export const optionalDateField = z
  .string()
  .optional()
  .transform((input, context) => {
    const text = input?.trim();
    if (!text) return undefined;
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      context.addIssue({ code: "custom", message: "dateInvalid" });
      return z.NEVER;
    }
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  });

/** Kilograms as typed (up to three decimals), sent on as whole grams. */
const optionalNetWeightField = z
  .string()
  .optional()
  .transform((input, context) => {
    const text = input === undefined ? "" : normaliseNumberText(input);
    if (text === "") return undefined;
    const kilograms = Number(text);
    if (!/^\d+(\.\d{1,3})?$/.test(text) || !(kilograms > 0) || kilograms > MAX_NET_WEIGHT_KG) {
      context.addIssue({ code: "custom", message: "weightInvalid" });
      return z.NEVER;
    }
    return Math.round(kilograms * 1000);
  });

/**
 * Listing produce. `farmerRequired`: a manager or agent lists for one of several farmers and must
 * say whose it is; a farmer lists their own, and a cooperative of one farmer needs no choice.
 */
export function newProduceFormSchema({ farmerRequired }: { farmerRequired: boolean }) {
  const farmer = z.string().trim().max(60, formError("farmerRequired"));
  return z.object({
    title: z
      .string(formError("produceTitleInvalid"))
      .trim()
      .refine((title) => title.length >= 1 && [...title].length <= 80, formError("produceTitleInvalid")),
    unit: z.enum(produceUnits, formError("unitInvalid")),
    // One of the store's category handles; the backend answers unknown_category for any other.
    category: z
      .string()
      .trim()
      .max(60, formError("invalid"))
      .optional()
      .transform((handle) => handle || undefined),
    price: priceField,
    stock: stockField,
    harvest_date: optionalDateField,
    farmer_member_id: farmerRequired
      ? z.string(formError("farmerRequired")).trim().min(1, formError("farmerRequired")).max(60)
      : farmer.optional().transform((id) => id || undefined),
    net_weight: optionalNetWeightField,
    variety: optionalText(60),
    grade: optionalText(40),
    storage: z
      .enum(storageKinds, formError("invalid"))
      .optional()
      .transform((storage) => storage ?? "ambient"),
    story: optionalText(2000),
  });
}

export type NewProduceSchema = ReturnType<typeof newProduceFormSchema>;

/** The fields of the listing form that can be wrong, photos included. */
export type NewProduceField = FieldOf<NewProduceSchema> | "photos";

/** Every typed field goes back to the page when something is wrong. */
export const newProduceEcho = [
  "title",
  "unit",
  "category",
  "price",
  "stock",
  "harvest_date",
  "farmer_member_id",
  "net_weight",
  "variety",
  "grade",
  "storage",
  "story",
] as const satisfies readonly FieldOf<NewProduceSchema>[];

/** Which field a backend error code is about, on the listing form. */
export const newProduceFieldForBackendCode = {
  price_out_of_range: "price",
  stock_out_of_range: "stock",
  invalid_date: "harvest_date",
  farmer_not_in_cooperative: "farmer_member_id",
  photo_not_found: "photos",
  unknown_category: "category",
} as const satisfies Record<string, NewProduceField>;

export function toNewProduce(
  data: z.output<NewProduceSchema>,
  photoIds: readonly string[],
): NewProduce {
  return {
    title: data.title,
    unit: data.unit,
    ...(data.category === undefined ? {} : { category: data.category }),
    ...(data.net_weight === undefined ? {} : { net_weight_grams: data.net_weight }),
    ...(data.grade === undefined ? {} : { grade: data.grade }),
    ...(data.variety === undefined ? {} : { variety: data.variety }),
    ...(data.harvest_date === undefined ? {} : { harvest_date: data.harvest_date }),
    ...(data.farmer_member_id === undefined ? {} : { farmer_member_id: data.farmer_member_id }),
    storage: data.storage,
    ...(data.story === undefined ? {} : { story: data.story }),
    photo_ids: [...photoIds],
    variants: [{ title: SINGLE_VARIANT_TITLE, price: data.price, stock: data.stock }],
  };
}

const PHOTO_ID = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * Photos already stored for this listing, from the form's hidden `photo_ids` (each with the
 * `photo_previews` URL at the same place, for its thumbnail). Unreadable ids are dropped, repeats
 * kept once, at most eight.
 */
export function readKeptPhotos(formData: FormData): KeptPhoto[] {
  const previews = formData.getAll("photo_previews");
  const kept: KeptPhoto[] = [];
  formData.getAll("photo_ids").forEach((id, index) => {
    if (typeof id !== "string" || !PHOTO_ID.test(id) || kept.some((photo) => photo.id === id)) return;
    const preview = previews[index];
    kept.push({ id, previewUrl: typeof preview === "string" && isWebUrl(preview) ? preview : null });
  });
  return kept.slice(0, MAX_PHOTOS);
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

// --- The produce list: one form per row ---------------------------------------------------------

const productId = z.string(formError("invalid")).min(1, formError("invalid")).max(100, formError("invalid"));

export const produceRowActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), product_id: productId }),
    z.object({
      intent: z.literal("archive"),
      product_id: productId,
      // Without it the page asks first; the confirmation form posts again with confirm=1.
      confirm: z.literal("1").optional(),
    }),
  ],
  formError("invalid"),
);

export type VariantEdits =
  | { ok: true; changes: VariantChange[]; values: Record<string, string> }
  | { ok: false; failure: FormFailure<string> };

/**
 * Reads the new price and stock of each of the row's variants. Every variant of the produce must be
 * there: a row posts all its fields, so a missing one means a form we did not render.
 */
export function readVariantEdits(formData: FormData, variantIds: readonly string[], locale: Locale): VariantEdits {
  const messages = translations[locale].formErrors;
  const values: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  const changes: VariantChange[] = [];
  for (const id of variantIds) {
    const priceName = variantFieldName("price", id);
    const stockName = variantFieldName("stock", id);
    const priceText = formData.get(priceName);
    const stockText = formData.get(stockName);
    if (typeof priceText !== "string" || typeof stockText !== "string") {
      return { ok: false, failure: { values, fieldErrors: {}, formError: messages.invalid } };
    }
    values[priceName] = priceText;
    values[stockName] = stockText;
    const price = priceField.safeParse(priceText);
    const stock = stockField.safeParse(stockText);
    if (!price.success) fieldErrors[priceName] = messages.priceInvalid;
    if (!stock.success) fieldErrors[stockName] = messages.stockInvalid;
    if (price.success && stock.success) changes.push({ id, price: price.data, stock: stock.data });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, failure: { values, fieldErrors, formError: null } };
  return { ok: true, changes, values };
}

// --- Certificates --------------------------------------------------------------------------------

export const certificateFormSchema = z.object({
  quantity: z
    .string(formError("quantityInvalid"))
    .trim()
    .refine((quantity) => quantity.length >= 1 && [...quantity].length <= 40, formError("quantityInvalid")),
});
