import type { LedgerEntryInput } from "../modules/payout/service"
import { commissionFen } from "./commission"

/**
 * The payout ledger entries an order's state calls for (decision 007). The writer records whichever
 * of them are missing, by idempotency key, so deriving them again — after a replayed event, a retried
 * request, events out of order — writes nothing twice.
 *
 * Until the order is fulfilled (delivered or picked up) the money is held by the platform and the
 * ledger has nothing for it; once fulfilled the cooperative earns each line and the shipping fee,
 * owes the commission of each line at the rate recorded for it, and every refund of the order —
 * before or after fulfilment — is reversed with its share of commission given back.
 *
 * Invariant, per fulfilled order: Σ entries + platform commission = captured − refunded, where the
 * platform commission is −Σ(commission + refund_commission).
 */
export type LedgerLine = {
  line_item_id: string
  title: string
  total_fen: number
  commission_rate_bps: number
  /** The commission recorded for the line at checkout (commission_line); computed from the rate when absent. */
  commission_fen?: number
}
export type LedgerRefund = {
  refund_id: string
  created_at: string | Date
  /** The whole refund; whatever its lines and shipping do not cover (a refund made in Stripe's dashboard) is reversed as a whole, without commission. */
  amount_fen: number
  lines: { line_item_id: string; amount_fen: number }[]
  shipping_fen: number
}
export type OrderLedgerState = {
  order_id: string
  display_id: number | string
  cooperative_id: string
  fulfilled: boolean
  lines: LedgerLine[]
  shipping_fen: number
  refunds: LedgerRefund[]
}

export { commissionFen, platformCommissionBps } from "./commission"

export function ledgerEntriesForOrder(state: OrderLedgerState): LedgerEntryInput[] {
  if (!state.fulfilled) return []
  const entries: LedgerEntryInput[] = []
  const base = { cooperative_id: state.cooperative_id, order_id: state.order_id }
  const lines = new Map(state.lines.map((line) => [line.line_item_id, line]))
  for (const line of state.lines) {
    entries.push({
      ...base,
      line_item_id: line.line_item_id,
      kind: "earned",
      amount_fen: line.total_fen,
      description: `#${state.display_id} ${line.title}`,
      idempotency_key: `earned:${state.order_id}:${line.line_item_id}`,
    })
    const commission = charged(line)
    if (commission !== 0) {
      entries.push({
        ...base,
        line_item_id: line.line_item_id,
        kind: "commission",
        amount_fen: -commission,
        commission_rate_bps: line.commission_rate_bps,
        description: `#${state.display_id} ${line.title}`,
        idempotency_key: `commission:${state.order_id}:${line.line_item_id}`,
      })
    }
  }
  if (state.shipping_fen > 0) {
    entries.push({
      ...base,
      line_item_id: null,
      kind: "earned",
      amount_fen: state.shipping_fen,
      description: `#${state.display_id} shipping`,
      idempotency_key: `earned:${state.order_id}:shipping`,
    })
  }

  // Commission given back is computed on the cumulative refunded amount of a line, so refunding a
  // line in several parts gives back exactly the commission it was charged, never a fen more.
  const refundedSoFar = new Map<string, number>()
  const refunds = [...state.refunds].sort(
    (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.refund_id.localeCompare(b.refund_id)
  )
  for (const refund of refunds) {
    for (const part of refund.lines) {
      if (part.amount_fen <= 0) continue
      const line = lines.get(part.line_item_id)
      entries.push({
        ...base,
        line_item_id: part.line_item_id,
        kind: "refund",
        amount_fen: -part.amount_fen,
        reference_id: refund.refund_id,
        description: `#${state.display_id} ${line?.title ?? ""}`.trim(),
        idempotency_key: `refund:${state.order_id}:${refund.refund_id}:${part.line_item_id}`,
      })
      if (!line) continue
      const before = refundedSoFar.get(part.line_item_id) ?? 0
      const after = Math.min(line.total_fen, before + part.amount_fen)
      refundedSoFar.set(part.line_item_id, after)
      const back = share(charged(line), after, line.total_fen) - share(charged(line), before, line.total_fen)
      if (back !== 0) {
        entries.push({
          ...base,
          line_item_id: part.line_item_id,
          kind: "refund_commission",
          amount_fen: back,
          commission_rate_bps: line.commission_rate_bps,
          reference_id: refund.refund_id,
          description: `#${state.display_id} ${line.title}`,
          idempotency_key: `refund_commission:${state.order_id}:${refund.refund_id}:${part.line_item_id}`,
        })
      }
    }
    if (refund.shipping_fen > 0) {
      entries.push({
        ...base,
        line_item_id: null,
        kind: "refund",
        amount_fen: -refund.shipping_fen,
        reference_id: refund.refund_id,
        description: `#${state.display_id} shipping`,
        idempotency_key: `refund:${state.order_id}:${refund.refund_id}:shipping`,
      })
    }
    const other = refund.amount_fen - refund.shipping_fen - refund.lines.reduce((sum, part) => sum + Math.max(0, part.amount_fen), 0)
    if (other > 0) {
      entries.push({
        ...base,
        line_item_id: null,
        kind: "refund",
        amount_fen: -other,
        reference_id: refund.refund_id,
        description: `#${state.display_id}`,
        idempotency_key: `refund:${state.order_id}:${refund.refund_id}:other`,
      })
    }
  }
  return entries
}

function charged(line: LedgerLine): number {
  return line.commission_fen ?? commissionFen(line.total_fen, line.commission_rate_bps)
}

/** `part / whole` of an amount, rounded half up; exact at both ends. */
function share(amount: number, part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0
  if (part >= whole) return amount
  return Math.floor((amount * part * 2 + whole) / (2 * whole))
}
