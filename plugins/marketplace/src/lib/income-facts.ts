import { createHash } from "node:crypto"
import type { IncomeFactInput } from "../modules/income/service"

/**
 * What an order contributes to village income (issue 7), derived from its current state only — so
 * deriving it again after any event, in any order, gives the same facts.
 *
 * - Every line of a placed order is a `sale` on the day the order was placed: gross = unit price ×
 *   quantity (produce only; shipping is not village income), the quantity in the produce's unit,
 *   the platform's commission at the line's rate, and the gross again as `fulfilled_fen` once the
 *   buyer has the produce (delivered or picked up).
 * - Every refund of a line is a `refund` on the day of the refund, with the commission it gives back
 *   (the same cumulative rounding as the payout ledger) and the quantity returned (negative).
 *   Whatever part of a refund names no line (a refund made in Stripe's dashboard, say) is spread over
 *   the lines in order, never beyond what a line has left; refunds of shipping are not income.
 * - A cancelled order never happened: no facts at all.
 *
 * The village of a line is the produce's origin village, else the cooperative's village. Days are
 * calendar days in China (UTC+8, no daylight saving).
 */
export type IncomeOrderLine = {
  id: string
  product_id: string | null
  quantity: number
  total_fen: number
  unit: string | null
  farmer_member_id: string | null
  origin_area_code: string | null
  commission_bps: number
}

export type IncomeOrderRefund = {
  id: string
  created_at: string
  amount_fen: number
  shipping_fen: number
  lines: { item_id: string; quantity: number; amount_fen: number }[]
}

export type IncomeOrder = {
  id: string
  created_at: string
  canceled_at: string | null
  buyer_key: string
  cooperative_id: string
  cooperative_village_code: string
  fulfilled: boolean
  lines: IncomeOrderLine[]
  refunds: IncomeOrderRefund[]
}

const CHINA_OFFSET_MS = 8 * 3_600_000

/** The calendar day in China of an instant, YYYY-MM-DD. */
export function chinaDay(instant: string | Date): string {
  const time = new Date(instant).getTime()
  if (!Number.isFinite(time)) throw new RangeError(`Not an instant: ${String(instant)}`)
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** Who bought: the customer, or for an order without one a hash of its email address (no address is stored). */
export function buyerKey(customerId: string | null | undefined, email: string | null | undefined): string {
  if (customerId) return customerId
  const normalised = (email ?? "").trim().toLowerCase()
  return `guest:${createHash("sha256").update(normalised).digest("hex").slice(0, 32)}`
}

/** Commission on an amount, rounded half up to the fen (as the payout ledger). */
export function commissionOf(amountFen: number, bps: number): number {
  return Math.floor((amountFen * bps + 5_000) / 10_000)
}

/** `part / whole` of an amount, rounded half up; exact at both ends (as the payout ledger). */
function share(amount: number, part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0
  if (part >= whole) return amount
  return Math.floor((amount * part * 2 + whole) / (2 * whole))
}

export function incomeFactsForOrder(order: IncomeOrder): IncomeFactInput[] {
  if (order.canceled_at) return []
  const saleDay = chinaDay(order.created_at)
  const facts: IncomeFactInput[] = []
  const keyOf = (line: IncomeOrderLine) => ({
    village_code: line.origin_area_code && /^\d{12}$/.test(line.origin_area_code) ? line.origin_area_code : order.cooperative_village_code,
    cooperative_id: order.cooperative_id,
    product_id: line.product_id ?? "",
    farmer_member_id: line.farmer_member_id ?? "",
    unit: line.unit ?? "",
  })
  for (const line of order.lines) {
    facts.push({
      id: line.id,
      order_id: order.id,
      line_item_id: line.id,
      kind: "sale",
      day: saleDay,
      ...keyOf(line),
      buyer_key: order.buyer_key,
      gross_fen: line.total_fen,
      refunds_fen: 0,
      commission_fen: commissionOf(line.total_fen, line.commission_bps),
      fulfilled_fen: order.fulfilled ? line.total_fen : 0,
      quantity: line.quantity,
    })
  }

  const lines = new Map(order.lines.map((line) => [line.id, line]))
  const refundedSoFar = new Map<string, number>()
  const refunds = [...order.refunds].sort(
    (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  for (const refund of refunds) {
    const parts = new Map<string, { amount: number; quantity: number }>()
    const add = (lineId: string, amount: number, quantity: number) => {
      const line = lines.get(lineId)
      if (!line || amount <= 0) return 0
      const before = refundedSoFar.get(lineId) ?? 0
      const taken = Math.min(amount, line.total_fen - before)
      if (taken <= 0) return 0
      refundedSoFar.set(lineId, before + taken)
      const part = parts.get(lineId) ?? { amount: 0, quantity: 0 }
      parts.set(lineId, { amount: part.amount + taken, quantity: part.quantity + quantity })
      return taken
    }
    let named = 0
    for (const part of refund.lines) {
      named += Math.max(0, part.amount_fen)
      add(part.item_id, part.amount_fen, Math.max(0, part.quantity))
    }
    let unnamed = refund.amount_fen - Math.max(0, refund.shipping_fen) - named
    for (const line of order.lines) {
      if (unnamed <= 0) break
      unnamed -= add(line.id, unnamed, 0)
    }
    for (const [lineId, part] of parts) {
      const line = lines.get(lineId)!
      const after = refundedSoFar.get(lineId)!
      const before = after - part.amount
      const charged = commissionOf(line.total_fen, line.commission_bps)
      facts.push({
        id: `${lineId}:${refund.id}`,
        order_id: order.id,
        line_item_id: lineId,
        kind: "refund",
        day: chinaDay(refund.created_at),
        ...keyOf(line),
        buyer_key: order.buyer_key,
        gross_fen: 0,
        refunds_fen: part.amount,
        commission_fen: -(share(charged, after, line.total_fen) - share(charged, before, line.total_fen)),
        fulfilled_fen: 0,
        quantity: -Math.min(part.quantity, line.quantity),
      })
    }
  }
  return facts
}
