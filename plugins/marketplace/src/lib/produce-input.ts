import { z } from "@medusajs/framework/zod"
import { yuanToFen } from "./money"
import { CATEGORY_HANDLE } from "./produce-categories"

/**
 * What a farmer types when listing produce, checked before anything is written. Prices arrive as
 * yuan strings and leave as integer fen; a harvest window must close after it opens.
 */
const MAX_PRICE_FEN = 10_000_000 // ¥100,000 per unit is already absurd for produce
const MAX_STOCK = 1_000_000

export const PRODUCE_UNITS = ["jin", "kg", "box", "piece"] as const

const price = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    try {
      const fen = yuanToFen(value)
      if (fen <= 0 || fen > MAX_PRICE_FEN) {
        ctx.addIssue({ code: "custom", message: "price_out_of_range" })
        return z.NEVER
      }
      return fen
    } catch {
      ctx.addIssue({ code: "custom", message: "price_out_of_range" })
      return z.NEVER
    }
  })

const stock = z.coerce
  .number()
  .refine((value) => Number.isInteger(value) && value >= 0 && value <= MAX_STOCK, "stock_out_of_range")

/** A product category's handle (see produce-categories.ts); whether it exists is checked by the route. */
const category = z
  .string()
  .trim()
  .refine((handle) => CATEGORY_HANDLE.test(handle), "unknown_category")

const date = z.coerce.date().refine((value) => !Number.isNaN(value.getTime()), "invalid_date")

export const ProduceVariantInput = z.strictObject({
  title: z.string().trim().min(1).max(60),
  price,
  stock,
  sku: z.string().trim().max(60).optional(),
})

export const CreateProduceInput = z
  .strictObject({
    title: z.string().trim().min(1).max(80),
    title_en: z.string().trim().max(120).optional(),
    description: z.string().trim().max(5000).default(""),
    description_en: z.string().trim().max(5000).optional(),
    unit: z.enum(PRODUCE_UNITS),
    category: category.optional(),
    net_weight_grams: z.coerce.number().int().positive().max(1_000_000).optional(),
    grade: z.string().trim().max(40).optional(),
    variety: z.string().trim().max(60).optional(),
    harvest_date: date.optional(),
    preorder_opens_at: date.optional(),
    preorder_closes_at: date.optional(),
    ships_from: date.optional(),
    origin_area_code: z.string().regex(/^\d{12}$/).optional(),
    farmer_member_id: z.string().max(60).optional(),
    storage: z.enum(["ambient", "chilled"]).default("ambient"),
    certifications: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
    story: z.string().trim().max(2000).default(""),
    photo_ids: z.array(z.string().max(60)).max(8).default([]),
    variants: z.array(ProduceVariantInput).min(1).max(10),
  })
  .superRefine((input, ctx) => {
    if (input.preorder_opens_at && input.preorder_closes_at && input.preorder_closes_at <= input.preorder_opens_at) {
      ctx.addIssue({ code: "custom", path: ["preorder_closes_at"], message: "window_closes_before_opening" })
    }
    if ((input.preorder_opens_at === undefined) !== (input.preorder_closes_at === undefined)) {
      ctx.addIssue({ code: "custom", path: ["preorder_closes_at"], message: "window_incomplete" })
    }
    if (input.ships_from && input.preorder_closes_at && input.ships_from < input.preorder_closes_at) {
      ctx.addIssue({ code: "custom", path: ["ships_from"], message: "ships_before_window_closes" })
    }
  })
export type CreateProduceInput = z.infer<typeof CreateProduceInput>

export const UpdateProduceInput = z.strictObject({
  title: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(5000).optional(),
  category: category.optional(),
  /** Price and stock per variant id: the one-tap edit of the farmer's list. */
  variants: z
    .array(z.strictObject({ id: z.string().max(60), price: price.optional(), stock: stock.optional() }))
    .max(10)
    .optional(),
})
export type UpdateProduceInput = z.infer<typeof UpdateProduceInput>
