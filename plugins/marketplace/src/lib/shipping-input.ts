import { z } from "@medusajs/framework/zod"

/** What a cooperative manager types for a pickup point. */
export const PickupPointInput = z.strictObject({
  name: z.string().trim().min(1).max(60),
  address: z.string().trim().min(1).max(200),
  hours: z.string().trim().max(120).default(""),
  instructions: z.string().trim().max(500).default(""),
})
export type PickupPointInput = z.infer<typeof PickupPointInput>

/** An edit of a pickup point: any of the same fields, at least one; what is left out stays as it is. */
export const PickupPointUpdate = z
  .strictObject({
    name: z.string().trim().min(1).max(60).optional(),
    address: z.string().trim().min(1).max(200).optional(),
    hours: z.string().trim().max(120).optional(),
    instructions: z.string().trim().max(500).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "pickup_point_edit_empty")
export type PickupPointUpdate = z.infer<typeof PickupPointUpdate>

const MAX_DELIVERY_FEE_FEN = 100_000 // ¥1,000

const DeliveryRateInput = z.strictObject({
  province_code: z.string().trim().min(1).max(12),
  amount_fen: z.number().refine((fen) => Number.isInteger(fen) && fen >= 0 && fen <= MAX_DELIVERY_FEE_FEN, "delivery_rate_invalid"),
})

/** The delivery fee table: `[{ province_code, amount_fen }]`, or the same under `rates` (one row per province). */
export const DeliveryRatesInput = z
  .union([z.array(DeliveryRateInput), z.strictObject({ rates: z.array(DeliveryRateInput) }).transform((body) => body.rates)])
  .pipe(z.array(DeliveryRateInput).max(40))
