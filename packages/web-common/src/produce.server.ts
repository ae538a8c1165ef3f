import { z } from "zod";

import type { StoredPhoto } from "./photos.ts";
import { produceUnits, storageKinds, type Produce, type ProduceOrigin } from "./produce.ts";

// Checks the marketplace's produce answers (docs/api/produce.md) before a page relies on them. Both
// apps read the same `Produce`: the portal from `/portal/cooperatives/…`, the storefront from `/store/…`.

/** A field the backend may leave out or send as null: null either way. */
const orNull = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | null => value ?? null);

/** A date as an ISO string, however it was serialised. */
export const isoDateSchema = z
  .union([z.string(), z.date()])
  .transform((value, context) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "not a date" });
      return z.NEVER;
    }
    return date.toISOString();
  });

const optionalDate = orNull(isoDateSchema);

export const photoSchema = z.object({
  id: z.string(),
  width: z.number(),
  height: z.number(),
  placeholder: orNull(z.string()),
  placeholder_data_url: orNull(z.string()),
  variants: z.array(z.object({ width: z.number(), format: z.enum(["webp", "jpeg"]), url: z.string() })),
}) satisfies z.ZodType<StoredPhoto, unknown>;

export const produceSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  title_en: orNull(z.string()),
  description: z
    .string()
    .nullish()
    .transform((text) => text ?? ""),
  description_en: orNull(z.string()),
  status: z.string(),
  archived: z.boolean(),
  thumbnail: orNull(z.string()),
  unit: z.enum(produceUnits),
  net_weight_grams: orNull(z.number()),
  grade: orNull(z.string()),
  variety: orNull(z.string()),
  harvest_date: optionalDate,
  preorder_opens_at: optionalDate,
  preorder_closes_at: optionalDate,
  ships_from: optionalDate,
  origin_area_code: orNull(z.string()),
  storage: z
    .enum(storageKinds)
    .nullish()
    .transform((storage) => storage ?? "ambient"),
  certifications: z
    .array(z.string())
    .nullish()
    .transform((items) => items ?? []),
  story: z
    .string()
    .nullish()
    .transform((text) => text ?? ""),
  photos: z.array(photoSchema),
  farmer: z.object({
    id: z.string(),
    real_name: z
      .string()
      .nullish()
      .transform((name) => name ?? ""),
  }),
  cooperative: z.object({
    id: z.string(),
    name: z.string(),
    handle: orNull(z.string()),
    village_code: orNull(z.string()),
  }),
  certificates: z.array(z.object({ id: z.string(), issued_on: isoDateSchema })),
  variants: z.array(
    z.object({ id: z.string(), title: z.string(), price: orNull(z.number()), stock: z.number() }),
  ),
  created_at: isoDateSchema,
}) satisfies z.ZodType<Produce, unknown>;

export const produceOriginSchema = z.object({
  area_code: z.string(),
  areas: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  village: orNull(z.object({ handle: z.string(), name: z.string() })),
}) satisfies z.ZodType<ProduceOrigin, unknown>;
