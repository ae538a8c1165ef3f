import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { INCOME_MODULE } from "../modules/income"
import type IncomeModuleService from "../modules/income/service"
import type { DailyRow } from "../modules/income/service"
import { incomeFactsForOrder } from "./income-facts"
import { formatDay, parseDay } from "./income-period"
import { readIncomeOrders, syncOrdersIncome } from "./income-sync"

/**
 * The rebuild and check commands (`npm run income:rebuild`, `npm run income:check`): every order
 * with income on the days of a period — placed then, refunded then, or with facts then — is read
 * again; the rebuild re-derives its facts and recomputes the period's rollups from the facts, the
 * check derives the rollups the orders call for, in memory, and lists where the stored ones differ.
 */
const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

export type IncomePeriodArgs = { from: string; to: string }

/** `--from=YYYY-MM-DD --to=YYYY-MM-DD` (to defaults to today in China). */
export function periodFromArgs(args: string[], today: string): IncomePeriodArgs {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
  const from = value("from")
  const to = value("to") ?? today
  if (!from) throw new Error("Give the period: --from=YYYY-MM-DD [--to=YYYY-MM-DD] (days in China, both included)")
  for (const day of [from, to]) {
    try {
      parseDay(day)
    } catch {
      throw new Error(`Not a date: ${day} (use YYYY-MM-DD)`)
    }
  }
  if (to < from) throw new Error(`The period ends (${to}) before it starts (${from})`)
  return { from, to }
}

/** Every order whose income falls on a day of the period. */
export async function ordersWithIncomeIn(container: MedusaContainer, period: IncomePeriodArgs): Promise<string[]> {
  const orderModule = container.resolve(Modules.ORDER)
  const start = new Date(parseDay(period.from) - CHINA_OFFSET_MS)
  const end = new Date(parseDay(period.to) + DAY_MS - CHINA_OFFSET_MS)
  const ids = new Set<string>()
  const pageSize = 1000
  for (let skip = 0; ; skip += pageSize) {
    const page = await orderModule.listOrders(
      { created_at: { $gte: start, $lt: end } } as never,
      { select: ["id"], take: pageSize, skip, order: { id: "ASC" } }
    )
    for (const order of page) ids.add(order.id)
    if (page.length < pageSize) break
  }
  const refunds = await orderModule.listOrderTransactions(
    { reference: "refund", created_at: { $gte: start, $lt: end } } as never,
    { select: ["order_id"], take: null }
  )
  for (const refund of refunds) ids.add(refund.order_id)
  for (const id of await container.resolve<IncomeModuleService>(INCOME_MODULE).orderIdsWithFacts(period.from, period.to)) ids.add(id)
  return [...ids].sort()
}

/** Month-long chunks of a period, for progress. */
export function monthChunks(period: IncomePeriodArgs): IncomePeriodArgs[] {
  const chunks: IncomePeriodArgs[] = []
  let start = parseDay(period.from)
  const end = parseDay(period.to)
  while (start <= end) {
    const date = new Date(start)
    const monthEnd = Math.min(end, Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - DAY_MS)
    chunks.push({ from: formatDay(start), to: formatDay(monthEnd) })
    start = monthEnd + DAY_MS
  }
  return chunks
}

export type RebuildProgress = { stage: "orders" | "rollups"; done: number; total: number }

export async function rebuildIncome(
  container: MedusaContainer,
  period: IncomePeriodArgs,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  options: { rollupsOnly?: boolean } = {}
): Promise<{ orders: number; applied: number; dropped: number; rows: number; seconds: number; rollup_seconds: number }> {
  const started = performance.now()
  // --rollups-only: the facts are trusted and only the rollups are recomputed from them (fast repair).
  const ids = options.rollupsOnly ? [] : await ordersWithIncomeIn(container, period)
  onProgress({ stage: "orders", done: 0, total: ids.length })
  const tally = await syncOrdersIncome(container, ids, (done) => onProgress({ stage: "orders", done, total: ids.length }))
  const rollupsStarted = performance.now()
  const chunks = monthChunks(period)
  const income = container.resolve<IncomeModuleService>(INCOME_MODULE)
  let rows = 0
  onProgress({ stage: "rollups", done: 0, total: chunks.length })
  for (const [index, chunk] of chunks.entries()) {
    rows += (await income.rebuildDays(chunk.from, chunk.to)).rows
    onProgress({ stage: "rollups", done: index + 1, total: chunks.length })
  }
  const now = performance.now()
  return {
    orders: ids.length,
    applied: tally.applied,
    dropped: tally.dropped,
    rows,
    seconds: (now - started) / 1000,
    rollup_seconds: (now - rollupsStarted) / 1000,
  }
}

export type IncomeDifference = {
  key: Omit<DailyRow, "gross_fen" | "refunds_fen" | "net_fen" | "commission_fen" | "fulfilled_fen" | "orders" | "buyers" | "quantity">
  field: keyof DailyRow | "row"
  expected: number | string
  actual: number | string
}

const VALUE_FIELDS = ["gross_fen", "refunds_fen", "net_fen", "commission_fen", "fulfilled_fen", "orders", "buyers", "quantity"] as const

const keyOf = (row: Pick<DailyRow, "day" | "village_code" | "cooperative_id" | "product_id" | "farmer_member_id" | "unit">) =>
  [row.day, row.village_code, row.cooperative_id, row.product_id, row.farmer_member_id, row.unit].join("|")

/** The rollup rows the orders call for, aggregated here rather than by the database. */
export async function expectedDailyRows(
  container: MedusaContainer,
  period: IncomePeriodArgs,
  onProgress: (done: number, total: number) => void = () => undefined
): Promise<{ orders: number; rows: Map<string, DailyRow> }> {
  const ids = await ordersWithIncomeIn(container, period)
  const rows = new Map<string, DailyRow & { orderSet: Set<string>; buyerSet: Set<string> }>()
  const batchSize = 50
  for (let start = 0; start < ids.length; start += batchSize) {
    for (const order of await readIncomeOrders(container, ids.slice(start, start + batchSize))) {
      for (const fact of incomeFactsForOrder(order)) {
        if (fact.day < period.from || fact.day > period.to) continue
        const key = keyOf(fact)
        let row = rows.get(key)
        if (!row) {
          row = {
            day: fact.day,
            village_code: fact.village_code,
            cooperative_id: fact.cooperative_id,
            product_id: fact.product_id,
            farmer_member_id: fact.farmer_member_id,
            unit: fact.unit,
            gross_fen: 0,
            refunds_fen: 0,
            net_fen: 0,
            commission_fen: 0,
            fulfilled_fen: 0,
            orders: 0,
            buyers: 0,
            quantity: 0,
            orderSet: new Set(),
            buyerSet: new Set(),
          }
          rows.set(key, row)
        }
        row.gross_fen += fact.gross_fen
        row.refunds_fen += fact.refunds_fen
        row.net_fen += fact.gross_fen - fact.refunds_fen
        row.commission_fen += fact.commission_fen
        row.fulfilled_fen += fact.fulfilled_fen
        row.quantity += fact.quantity
        if (fact.kind === "sale") {
          row.orderSet.add(fact.order_id)
          row.buyerSet.add(fact.buyer_key)
        }
      }
    }
    onProgress(Math.min(ids.length, start + batchSize), ids.length)
  }
  const plain = new Map<string, DailyRow>()
  for (const [key, { orderSet, buyerSet, ...row }] of rows) plain.set(key, { ...row, orders: orderSet.size, buyers: buyerSet.size })
  return { orders: ids.length, rows: plain }
}

export async function checkIncome(
  container: MedusaContainer,
  period: IncomePeriodArgs,
  onProgress?: (done: number, total: number) => void
): Promise<{ orders: number; rows: number; differences: IncomeDifference[] }> {
  const expected = await expectedDailyRows(container, period, onProgress)
  const actual = await container.resolve<IncomeModuleService>(INCOME_MODULE).listDailyRows(period.from, period.to)
  const differences: IncomeDifference[] = []
  const seen = new Set<string>()
  const keyFields = ({ day, village_code, cooperative_id, product_id, farmer_member_id, unit }: DailyRow) => ({
    day,
    village_code,
    cooperative_id,
    product_id,
    farmer_member_id,
    unit,
  })
  for (const row of actual) {
    const key = keyOf(row)
    seen.add(key)
    const wanted = expected.rows.get(key)
    if (!wanted) {
      differences.push({ key: keyFields(row), field: "row", expected: "none", actual: `net ${row.net_fen}` })
      continue
    }
    for (const field of VALUE_FIELDS) {
      if (wanted[field] !== row[field]) differences.push({ key: keyFields(row), field, expected: wanted[field], actual: row[field] })
    }
  }
  for (const [key, wanted] of expected.rows) {
    if (!seen.has(key)) differences.push({ key: keyFields(wanted), field: "row", expected: `net ${wanted.net_fen}`, actual: "none" })
  }
  return { orders: expected.orders, rows: actual.length, differences }
}
