import type { MedusaContainer } from "@medusajs/framework/types"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { PAYOUT_MODULE } from "../modules/payout"
import type PayoutModuleService from "../modules/payout/service"
import { commissionRateFor } from "./commission"
import { ledgerEntriesForOrder, type OrderLedgerState } from "./ledger"
import { readOrder, type CooperativeOrder } from "./order-read"

/**
 * The commission of each line of an order: what was recorded for the line at checkout
 * (`commission_line`: rate and amount), else the cooperative's own rate, else the platform default.
 */
export async function commissionRates(
  container: MedusaContainer,
  order: CooperativeOrder
): Promise<Map<string, { rate_bps: number; commission_fen?: number }>> {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const rates = new Map<string, { rate_bps: number; commission_fen?: number }>()
  const recorded = await marketplace.listCommissionLines({ order_id: order.id }, { take: null })
  for (const line of recorded) rates.set(line.line_item_id, { rate_bps: line.rate_bps, commission_fen: line.commission_fen })
  if (order.items.some((item) => !rates.has(item.id))) {
    const [cooperative] = await marketplace.listCooperatives({ id: order.cooperative.id }, { select: ["id", "commission_rate_bps"] })
    const rate = commissionRateFor(cooperative ?? {})
    for (const item of order.items) if (!rates.has(item.id)) rates.set(item.id, { rate_bps: rate })
  }
  return rates
}

export function ledgerState(order: CooperativeOrder, rates: Map<string, { rate_bps: number; commission_fen?: number }>): OrderLedgerState {
  return {
    order_id: order.id,
    display_id: order.display_id,
    cooperative_id: order.cooperative.id,
    fulfilled: order.derived.stage === "completed",
    lines: order.items.map((item) => ({
      line_item_id: item.id,
      title: [item.title, item.variant_title].filter(Boolean).join(" "),
      total_fen: item.total_fen,
      commission_rate_bps: rates.get(item.id)?.rate_bps ?? commissionRateFor({}),
      commission_fen: rates.get(item.id)?.commission_fen,
    })),
    shipping_fen: order.totals.shipping_fen,
    refunds: order.refunds.map((refund) => ({
      refund_id: refund.id,
      created_at: refund.created_at,
      amount_fen: refund.amount_fen,
      lines: refund.lines.map((line) => ({ line_item_id: line.item_id, amount_fen: line.amount_fen })),
      shipping_fen: refund.shipping_fen,
    })),
  }
}

/**
 * Brings an order's ledger entries up to its current state; safe to call any number of times, from
 * any event, in any order. Returns the idempotency keys written by this call.
 */
export async function syncOrderLedger(container: MedusaContainer, orderId: string): Promise<string[]> {
  const order = await readOrder(container, orderId)
  if (!order || !order.cooperative.id) return []
  const entries = ledgerEntriesForOrder(ledgerState(order, await commissionRates(container, order)))
  return container.resolve<PayoutModuleService>(PAYOUT_MODULE).recordLedgerEntries(entries)
}
