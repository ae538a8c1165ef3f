import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { PayoutAccount } from "./models/payout-account"
import { PayoutLedgerEntry } from "./models/ledger-entry"
import { PayoutRun } from "./models/payout-run"
import { StripeEvent } from "./models/stripe-event"

export type LedgerKind = "earned" | "commission" | "refund" | "refund_commission" | "payout"

export type LedgerEntryInput = {
  cooperative_id: string
  order_id: string | null
  line_item_id: string | null
  kind: LedgerKind
  amount_fen: number
  commission_rate_bps?: number | null
  reference_id?: string | null
  description?: string
  payout_run_id?: string | null
  idempotency_key: string
}

export type CooperativeBalance = { cooperative_id: string; balance_fen: number; unpaid_fen: number; entry_count: number }

class PayoutModuleService extends MedusaService({ PayoutLedgerEntry, PayoutRun, StripeEvent, PayoutAccount }) {
  /**
   * Writes ledger entries, skipping any whose idempotency key is already there (a replay, a retry, a
   * concurrent writer): returns the keys written now.
   */
  @InjectTransactionManager()
  async recordLedgerEntries(entries: LedgerEntryInput[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (entries.length === 0) return []
    for (const entry of entries) {
      if (!Number.isSafeInteger(entry.amount_fen)) throw new RangeError(`Ledger amounts are whole fen: ${entry.amount_fen}`)
    }
    const manager = sharedContext.transactionManager as SqlEntityManager
    const values = entries.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")
    const params = entries.flatMap((entry) => [
      generateEntityId(undefined, "ple"),
      entry.cooperative_id,
      entry.order_id,
      entry.line_item_id,
      entry.kind,
      entry.amount_fen,
      entry.commission_rate_bps ?? null,
      entry.reference_id ?? null,
      entry.description ?? "",
      entry.payout_run_id ?? null,
      entry.idempotency_key,
    ])
    const rows = (await manager.execute(
      `insert into "payout_ledger_entry"
         ("id", "cooperative_id", "order_id", "line_item_id", "kind", "amount_fen", "commission_rate_bps", "reference_id", "description", "payout_run_id", "idempotency_key")
       values ${values}
       on conflict ("idempotency_key") where "deleted_at" is null do nothing
       returning "idempotency_key"`,
      params
    )) as { idempotency_key: string }[]
    return rows.map((row) => row.idempotency_key)
  }

  /** Per cooperative: the balance owed (all entries) and what no payout run has claimed yet. */
  @InjectManager()
  async cooperativeBalances(cooperativeIds: string[] | null, @MedusaContext() sharedContext: Context = {}): Promise<CooperativeBalance[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = (await manager.execute(
      `select "cooperative_id",
              coalesce(sum("amount_fen"), 0)::bigint as balance_fen,
              coalesce(sum("amount_fen") filter (where "payout_run_id" is null), 0)::bigint as unpaid_fen,
              count(*)::int as entry_count
         from "payout_ledger_entry"
        where "deleted_at" is null ${cooperativeIds ? `and "cooperative_id" in (?)` : ""}
        group by "cooperative_id"`,
      cooperativeIds ? [cooperativeIds] : []
    )) as { cooperative_id: string; balance_fen: string; unpaid_fen: string; entry_count: number }[]
    return rows.map((row) => ({
      cooperative_id: row.cooperative_id,
      balance_fen: Number(row.balance_fen),
      unpaid_fen: Number(row.unpaid_fen),
      entry_count: row.entry_count,
    }))
  }

  /**
   * Claims for a draft run every unclaimed entry created in [start, end) of the cooperatives whose
   * unclaimed sum in that period is positive; returns the amounts claimed per cooperative.
   */
  @InjectTransactionManager()
  async claimEntriesForRun(
    input: { payout_run_id: string; period_start: Date; period_end: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ cooperative_id: string; amount_fen: number; entry_count: number }[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = (await manager.execute(
      `with due as (
         select "cooperative_id"
           from "payout_ledger_entry"
          where "deleted_at" is null and "payout_run_id" is null and "kind" <> 'payout'
            and "created_at" >= ? and "created_at" < ?
          group by "cooperative_id"
         having sum("amount_fen") > 0
       ), claimed as (
         update "payout_ledger_entry" e
            set "payout_run_id" = ?, "updated_at" = now()
           from due
          where e."cooperative_id" = due."cooperative_id" and e."deleted_at" is null and e."payout_run_id" is null
            and e."kind" <> 'payout' and e."created_at" >= ? and e."created_at" < ?
         returning e."cooperative_id", e."amount_fen"
       )
       select "cooperative_id", sum("amount_fen")::bigint as amount_fen, count(*)::int as entry_count
         from claimed group by "cooperative_id" order by "cooperative_id"`,
      [input.period_start, input.period_end, input.payout_run_id, input.period_start, input.period_end]
    )) as { cooperative_id: string; amount_fen: string; entry_count: number }[]
    return rows.map((row) => ({ cooperative_id: row.cooperative_id, amount_fen: Number(row.amount_fen), entry_count: row.entry_count }))
  }

  /** Gives a draft run's entries back (the compensation of a failed run creation). */
  @InjectTransactionManager()
  async releaseEntriesOfRun(payoutRunId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `update "payout_ledger_entry" set "payout_run_id" = null, "updated_at" = now()
        where "payout_run_id" = ? and "kind" <> 'payout' and "deleted_at" is null`,
      [payoutRunId]
    )
  }

  /**
   * Records a Stripe event by its id. Returns `fresh: false` when the id was already recorded — a
   * replay — together with whether that earlier delivery was applied.
   */
  @InjectTransactionManager()
  async recordStripeEvent(
    input: { event_id: string; type: string; object_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; fresh: boolean; processed: boolean }> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const inserted = (await manager.execute(
      `insert into "stripe_event" ("id", "event_id", "type", "object_id", "received_at")
       values (?, ?, ?, ?, now())
       on conflict ("event_id") where "deleted_at" is null do nothing
       returning "id"`,
      [generateEntityId(undefined, "sevt"), input.event_id, input.type, input.object_id]
    )) as { id: string }[]
    if (inserted.length > 0) return { id: inserted[0].id, fresh: true, processed: false }
    const [existing] = (await manager.execute(
      `select "id", "processed_at" from "stripe_event" where "event_id" = ? and "deleted_at" is null`,
      [input.event_id]
    )) as { id: string; processed_at: Date | null }[]
    return { id: existing.id, fresh: false, processed: existing.processed_at !== null }
  }
}

export default PayoutModuleService
