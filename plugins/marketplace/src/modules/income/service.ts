import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { IncomeDaily } from "./models/income-daily"
import { IncomeEvent } from "./models/income-event"
import { IncomeFact } from "./models/income-fact"
import { IncomeOrder } from "./models/income-order"

/** One fact as `incomeFactsForOrder` derives it (the area prefixes are added here). */
export type IncomeFactInput = {
  id: string
  order_id: string
  line_item_id: string
  kind: "sale" | "refund"
  /** YYYY-MM-DD, a calendar day in China. */
  day: string
  village_code: string
  cooperative_id: string
  product_id: string
  farmer_member_id: string
  unit: string
  buyer_key: string
  gross_fen: number
  refunds_fen: number
  commission_fen: number
  fulfilled_fen: number
  quantity: number
}

export type SyncOutcome = {
  /** applied: facts changed; unchanged: already up to date; duplicate: the event was handled before; stale: a newer read of the order was applied already. */
  outcome: "applied" | "unchanged" | "duplicate" | "stale"
  changed: number
}

/** Whose income: an area by its code (a village, or every village under a town, county, city or province), a cooperative, a farmer. */
export type IncomeScope = { kind: "area"; code: string } | { kind: "cooperative"; id: string } | { kind: "farmer"; id: string }
export type IncomeGranularity = "day" | "week" | "month"
export type IncomeBreakdown = "village" | "cooperative" | "produce" | "farmer"

/** Which totals a report asks for: the whole period, per time bucket, per breakdown group, per (bucket, group), per produce and unit, per unit. */
export type IncomeSlice = "total" | "bucket" | "group" | "bucket_group" | "produce" | "unit"

export type IncomeSums = {
  slice: IncomeSlice
  bucket: string | null
  group: string | null
  product_id: string | null
  unit: string | null
  gross_fen: number
  refunds_fen: number
  net_fen: number
  commission_fen: number
  fulfilled_fen: number
  quantity: number
}

export type IncomeCounts = { slice: IncomeSlice; bucket: string | null; group: string | null; orders: number; buyers: number }

export type IncomeQuery = {
  scope: IncomeScope
  from: string
  to: string
  granularity: IncomeGranularity
  breakdown: IncomeBreakdown
}

export type DailyRow = {
  day: string
  village_code: string
  cooperative_id: string
  product_id: string
  farmer_member_id: string
  unit: string
  gross_fen: number
  refunds_fen: number
  net_fen: number
  commission_fen: number
  fulfilled_fen: number
  orders: number
  buyers: number
  quantity: number
}

const KEY_COLUMNS = ["day", "village_code", "cooperative_id", "product_id", "farmer_member_id", "unit"] as const
const FACT_COLUMNS = [
  "id",
  "order_id",
  "line_item_id",
  "kind",
  "day",
  "village_code",
  "cooperative_id",
  "product_id",
  "farmer_member_id",
  "unit",
  "buyer_key",
  "gross_fen",
  "refunds_fen",
  "commission_fen",
  "fulfilled_fen",
  "quantity",
] as const

/** The rollup id: md5 of the key, so recomputing a key is an upsert. */
const keyHash = (alias: string) =>
  `md5(concat_ws('|', to_char(${alias}."day", 'YYYY-MM-DD'), ${alias}."village_code", ${alias}."cooperative_id", ${alias}."product_id", ${alias}."farmer_member_id", ${alias}."unit"))`

/** The rollup of a set of facts, grouped by key (the `from … where …` part is the caller's). */
const ROLLUP_SELECT = `
  select ${keyHash("f")} as "id", f."day", f."village_code",
         left(f."village_code", 2) as "province_code", left(f."village_code", 4) as "city_code", left(f."village_code", 6) as "county_code",
         f."cooperative_id", f."product_id", f."farmer_member_id", f."unit",
         sum(f."gross_fen") as "gross_fen", sum(f."refunds_fen") as "refunds_fen", sum(f."gross_fen") - sum(f."refunds_fen") as "net_fen",
         sum(f."commission_fen") as "commission_fen", sum(f."fulfilled_fen") as "fulfilled_fen",
         count(distinct f."order_id") filter (where f."kind" = 'sale') as "orders",
         count(distinct f."buyer_key") filter (where f."kind" = 'sale') as "buyers",
         sum(f."quantity") as "quantity"`
const ROLLUP_GROUP = `group by f."day", f."village_code", f."cooperative_id", f."product_id", f."farmer_member_id", f."unit"`
const ROLLUP_COLUMNS = `("id", "day", "village_code", "province_code", "city_code", "county_code", "cooperative_id", "product_id", "farmer_member_id", "unit",
  "gross_fen", "refunds_fen", "net_fen", "commission_fen", "fulfilled_fen", "orders", "buyers", "quantity")`
const ROLLUP_UPSERT = `on conflict ("id") do update set
  "gross_fen" = excluded."gross_fen", "refunds_fen" = excluded."refunds_fen", "net_fen" = excluded."net_fen",
  "commission_fen" = excluded."commission_fen", "fulfilled_fen" = excluded."fulfilled_fen", "orders" = excluded."orders",
  "buyers" = excluded."buyers", "quantity" = excluded."quantity", "updated_at" = now()`

/** A rebuild takes this lock exclusively per chunk; every order sync takes it shared. */
const REBUILD_LOCK = "income-rebuild"

const GROUP_COLUMN: Record<IncomeBreakdown, string> = {
  village: `"village_code"`,
  cooperative: `"cooperative_id"`,
  produce: `"product_id"`,
  farmer: `"farmer_member_id"`,
}

/**
 * The scope as a condition both tables can answer from an index: a village by its code, a town by a
 * range of village codes (all 12 digits, so the range is exact in any collation), a county, city or
 * province by its stored prefix column.
 */
export function scopeCondition(scope: IncomeScope): { sql: string; params: string[] } {
  if (scope.kind === "cooperative") return { sql: `"cooperative_id" = ?`, params: [scope.id] }
  if (scope.kind === "farmer") return { sql: `"farmer_member_id" = ?`, params: [scope.id] }
  const code = scope.code
  if (!/^\d+$/.test(code)) throw new RangeError(`Not an area code: ${code}`)
  switch (code.length) {
    case 12:
      return { sql: `"village_code" = ?`, params: [code] }
    case 9:
      return { sql: `"village_code" between ? and ?`, params: [`${code}000`, `${code}999`] }
    case 6:
      return { sql: `"county_code" = ?`, params: [code] }
    case 4:
      return { sql: `"city_code" = ?`, params: [code] }
    case 2:
      return { sql: `"province_code" = ?`, params: [code] }
    default:
      throw new RangeError(`Not an area code: ${code}`)
  }
}

const toNumber = (value: unknown) => (value === null || value === undefined ? 0 : Number(value))

class IncomeModuleService extends MedusaService({ IncomeDaily, IncomeFact, IncomeEvent, IncomeOrder }) {
  /** The database's clock: an order's read is stamped with it before the read begins. */
  @InjectManager()
  async clock(@MedusaContext() sharedContext: Context = {}): Promise<string> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row] = (await manager.execute(`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`)) as { now: string }[]
    return row.now
  }

  /** Has this event been handled? A cheap check before reading the order (the write checks again). */
  @InjectManager()
  async eventHandled(key: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute(`select 1 from "income_event" where "id" = ?`, [key])
    return rows.length > 0
  }

  /**
   * Replaces an order's facts with `facts` (derived from a read of the order that began at
   * `read_at`) and recomputes the rollup of every key whose facts changed — in one transaction.
   * With an `event`, an event key seen before changes nothing. A read older than the one already
   * applied changes nothing either.
   */
  @InjectTransactionManager()
  async applyOrderFacts(
    input: {
      order_id: string
      read_at: string
      facts: IncomeFactInput[]
      /** `started`: performance.now() when handling began, to record how long it took. */
      event?: { key: string; name: string; started?: number }
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SyncOutcome> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const outcome = await this.applyLocked(manager, input)
    if (input.event && outcome.outcome !== "duplicate") {
      const handledMs = input.event.started === undefined ? 0 : Math.round(performance.now() - input.event.started)
      await manager.execute(`update "income_event" set "changed" = ?, "handled_ms" = ? where "id" = ?`, [outcome.changed, handledMs, input.event.key])
    }
    return outcome
  }

  protected async applyLocked(
    manager: SqlEntityManager,
    input: { order_id: string; read_at: string; facts: IncomeFactInput[]; event?: { key: string; name: string } }
  ): Promise<SyncOutcome> {
    for (const fact of input.facts) assertFact(fact, input.order_id)
    if (input.event) {
      const recorded = await manager.execute(
        `insert into "income_event" ("id", "event_name", "order_id") values (?, ?, ?) on conflict ("id") do nothing returning "id"`,
        [input.event.key, input.event.name, input.order_id]
      )
      // Seen before: nothing to do (and nothing to record, so the first handling's figures stay).
      if (recorded.length === 0) return { outcome: "duplicate", changed: 0 }
    }
    await manager.execute(`select pg_advisory_xact_lock_shared(hashtextextended(?, 0))`, [REBUILD_LOCK])
    await manager.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`income-order:${input.order_id}`])
    const [state] = (await manager.execute(`select ("read_at" > ?::timestamptz) as "newer" from "income_order" where "id" = ?`, [
      input.read_at,
      input.order_id,
    ])) as { newer: boolean }[]
    if (state?.newer) return { outcome: "stale", changed: 0 }
    await manager.execute(
      `insert into "income_order" ("id", "read_at", "fact_count") values (?, ?::timestamptz, ?)
       on conflict ("id") do update set "read_at" = excluded."read_at", "fact_count" = excluded."fact_count", "updated_at" = now()`,
      [input.order_id, input.read_at, input.facts.length]
    )

    const existing = (await manager.execute(
      `select ${FACT_COLUMNS.map((c) => (c === "day" ? `to_char("day", 'YYYY-MM-DD') as "day"` : `"${c}"`)).join(", ")}
         from "income_fact" where "order_id" = ?`,
      [input.order_id]
    )) as Record<string, unknown>[]
    const before = new Map(existing.map((row) => [String(row.id), normaliseFact(row)]))
    const after = new Map(input.facts.map((fact) => [fact.id, fact]))
    const removed = [...before.values()].filter((fact) => !sameFact(fact, after.get(fact.id)))
    const added = [...after.values()].filter((fact) => !sameFact(fact, before.get(fact.id)))
    const changed = removed.length + added.length
    if (changed === 0) return { outcome: "unchanged", changed: 0 }

    const keys = uniqueKeys([...removed, ...added])
    // Keys are locked in one order by every writer, so two orders sharing keys never deadlock.
    await manager.execute(
      `select pg_advisory_xact_lock(hashtextextended(k, 0)) from (select unnest(?::text[]) as k order by 1) locks`,
      [pgArray(keys.map((key) => `income-key:${keyString(key)}`))]
    )
    if (removed.length > 0) {
      await manager.execute(`delete from "income_fact" where "id" = any(?::text[])`, [pgArray(removed.map((fact) => fact.id))])
    }
    if (added.length > 0) {
      await manager.execute(
        `insert into "income_fact" (${FACT_COLUMNS.map((c) => `"${c}"`).join(", ")}, "province_code", "city_code", "county_code")
         select ${FACT_COLUMNS.map((c) => `x."${c}"`).join(", ")}, left(x."village_code", 2), left(x."village_code", 4), left(x."village_code", 6)
           from json_to_recordset(?::json) as x("id" text, "order_id" text, "line_item_id" text, "kind" text, "day" date, "village_code" text,
                "cooperative_id" text, "product_id" text, "farmer_member_id" text, "unit" text, "buyer_key" text, "gross_fen" bigint,
                "refunds_fen" bigint, "commission_fen" bigint, "fulfilled_fen" bigint, "quantity" integer)`,
        [JSON.stringify(added)]
      )
    }
    await this.recomputeKeys(manager, keys)
    return { outcome: "applied", changed }
  }

  /** Brings the rollup rows of these keys back to the sum of their facts (rows without facts go). */
  protected async recomputeKeys(manager: SqlEntityManager, keys: FactKey[]) {
    const json = JSON.stringify(keys)
    const keyTable = `json_to_recordset(?::json) as k("day" date, "village_code" text, "cooperative_id" text, "product_id" text, "farmer_member_id" text, "unit" text)`
    await manager.execute(
      `insert into "income_daily" ${ROLLUP_COLUMNS}
       ${ROLLUP_SELECT}
         from "income_fact" f
         join ${keyTable} on f."day" = k."day" and f."village_code" = k."village_code" and f."cooperative_id" = k."cooperative_id"
              and f."product_id" = k."product_id" and f."farmer_member_id" = k."farmer_member_id" and f."unit" = k."unit"
       ${ROLLUP_GROUP}
       ${ROLLUP_UPSERT}`,
      [json]
    )
    await manager.execute(
      `delete from "income_daily" d using ${keyTable}
        where d."id" = ${keyHash("k")}
          and not exists (select 1 from "income_fact" f where f."day" = k."day" and f."village_code" = k."village_code"
                and f."cooperative_id" = k."cooperative_id" and f."product_id" = k."product_id"
                and f."farmer_member_id" = k."farmer_member_id" and f."unit" = k."unit")`,
      [json]
    )
  }

  /** The order ids with facts on these days (a rebuild re-derives them, and drops the facts of orders that are gone). */
  @InjectManager()
  async orderIdsWithFacts(from: string, to: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = (await manager.execute(`select distinct "order_id" from "income_fact" where "day" between ?::date and ?::date`, [from, to])) as {
      order_id: string
    }[]
    return rows.map((row) => row.order_id)
  }

  /** Forgets an order that no longer exists: its facts, its sync state, and the rollups they fed. */
  @InjectTransactionManager()
  async dropOrder(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`select pg_advisory_xact_lock_shared(hashtextextended(?, 0))`, [REBUILD_LOCK])
    await manager.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`income-order:${orderId}`])
    const facts = (await manager.execute(
      `delete from "income_fact" where "order_id" = ?
       returning to_char("day", 'YYYY-MM-DD') as "day", "village_code", "cooperative_id", "product_id", "farmer_member_id", "unit"`,
      [orderId]
    )) as FactKey[]
    await manager.execute(`delete from "income_order" where "id" = ?`, [orderId])
    if (facts.length > 0) await this.recomputeKeys(manager, uniqueKeys(facts))
    return facts.length
  }

  /**
   * Recomputes every rollup row of these days from the facts (one transaction per call; the caller
   * walks a long period in chunks to show progress). Order syncs wait while a chunk is rebuilt.
   */
  @InjectTransactionManager()
  async rebuildDays(from: string, to: string, @MedusaContext() sharedContext: Context = {}): Promise<{ rows: number }> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [REBUILD_LOCK])
    await manager.execute(`delete from "income_daily" where "day" between ?::date and ?::date`, [from, to])
    const rows = await manager.execute(
      `insert into "income_daily" ${ROLLUP_COLUMNS}
       ${ROLLUP_SELECT}
         from "income_fact" f where f."day" between ?::date and ?::date
       ${ROLLUP_GROUP}
       ${ROLLUP_UPSERT}
       returning 1`,
      [from, to]
    )
    return { rows: rows.length }
  }

  /** The rollup rows of these days, for the check command. */
  @InjectManager()
  async listDailyRows(from: string, to: string, @MedusaContext() sharedContext: Context = {}): Promise<DailyRow[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = (await manager.execute(
      `select to_char("day", 'YYYY-MM-DD') as "day", "village_code", "cooperative_id", "product_id", "farmer_member_id", "unit",
              "gross_fen"::float8, "refunds_fen"::float8, "net_fen"::float8, "commission_fen"::float8, "fulfilled_fen"::float8,
              "orders", "buyers", "quantity"
         from "income_daily" where "day" between ?::date and ?::date`,
      [from, to]
    )) as Record<string, unknown>[]
    return rows.map((row) => ({
      day: String(row.day),
      village_code: String(row.village_code),
      cooperative_id: String(row.cooperative_id),
      product_id: String(row.product_id),
      farmer_member_id: String(row.farmer_member_id),
      unit: String(row.unit),
      gross_fen: toNumber(row.gross_fen),
      refunds_fen: toNumber(row.refunds_fen),
      net_fen: toNumber(row.net_fen),
      commission_fen: toNumber(row.commission_fen),
      fulfilled_fen: toNumber(row.fulfilled_fen),
      orders: toNumber(row.orders),
      buyers: toNumber(row.buyers),
      quantity: toNumber(row.quantity),
    }))
  }

  /** The facts of an order as stored. */
  @InjectManager()
  async listOrderFacts(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<IncomeFactInput[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = (await manager.execute(
      `select ${FACT_COLUMNS.map((c) => (c === "day" ? `to_char("day", 'YYYY-MM-DD') as "day"` : `"${c}"`)).join(", ")}
         from "income_fact" where "order_id" = ? order by "id"`,
      [orderId]
    )) as Record<string, unknown>[]
    return rows.map(normaliseFact)
  }

  /**
   * Money and quantity totals of a scope and period from the rollups, in the slices asked for.
   * Buckets are the first day of each day, ISO week (Monday) or month.
   *
   * Sums add up, so the period's total is taken from its buckets and each unit's quantity from the
   * produce rows when those slices are asked for too, instead of grouping the rows once more. The
   * sums are float8: exact for whole numbers of fen up to 2^53 (¥90 trillion), and several times
   * cheaper than bigint sums (numeric) on the tens of thousands of rows of a county-year
   * (tests/bench/README.md, "income").
   */
  @InjectManager()
  async sumIncome(query: IncomeQuery, slices: IncomeSlice[], @MedusaContext() sharedContext: Context = {}): Promise<IncomeSums[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const scope = scopeCondition(query.scope)
    const wanted = [...new Set(slices)]
    const totalFromBuckets = wanted.includes("total") && wanted.includes("bucket")
    const unitsFromProduce = wanted.includes("unit") && wanted.includes("produce")
    const grouping = groupingOf(wanted.filter((slice) => !(slice === "total" && totalFromBuckets) && !(slice === "unit" && unitsFromProduce)))
    const rows = (await manager.execute(
      `select ${grouping.select}
              sum("gross_fen"::float8) as "gross_fen", sum("refunds_fen"::float8) as "refunds_fen", sum("net_fen"::float8) as "net_fen",
              sum("commission_fen"::float8) as "commission_fen", sum("fulfilled_fen"::float8) as "fulfilled_fen",
              sum("quantity"::float8) as "quantity"
         from (select ${BUCKET_OF_DAY} as "bucket", ${GROUP_COLUMN[query.breakdown]} as "grp", "product_id", "unit",
                      "gross_fen", "refunds_fen", "net_fen", "commission_fen", "fulfilled_fen", "quantity"
                 from "income_daily" where ${scope.sql} and "day" between ?::date and ?::date) d
        ${grouping.groupBy}`,
      [query.granularity, ...scope.params, query.from, query.to]
    )) as Record<string, unknown>[]
    const sums: IncomeSums[] = rows.map((row) => ({
      slice: grouping.sliceOf(row),
      bucket: (row.bucket as string | null) ?? null,
      group: (row.grp as string | null) ?? null,
      product_id: (row.product_id as string | null) ?? null,
      unit: (row.unit as string | null) ?? null,
      gross_fen: toNumber(row.gross_fen),
      refunds_fen: toNumber(row.refunds_fen),
      net_fen: toNumber(row.net_fen),
      commission_fen: toNumber(row.commission_fen),
      fulfilled_fen: toNumber(row.fulfilled_fen),
      quantity: toNumber(row.quantity),
    }))
    if (totalFromBuckets) sums.push(addUp("total", null, sums.filter((row) => row.slice === "bucket")))
    if (unitsFromProduce) {
      const produce = sums.filter((row) => row.slice === "produce")
      for (const unit of [...new Set(produce.map((row) => row.unit))]) {
        sums.push(addUp("unit", unit, produce.filter((row) => row.unit === unit)))
      }
    }
    return sums
  }

  /**
   * Exact numbers of orders and of buyers (distinct) of a scope and period, from the facts: a
   * buyer who bought on two days, or an order of two produce, counts once.
   */
  @InjectManager()
  async countIncome(
    query: IncomeQuery,
    slices: Exclude<IncomeSlice, "produce" | "unit">[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IncomeCounts[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const scope = scopeCondition(query.scope)
    const grouping = groupingOf(slices)
    // The lines of one order share its day and buyer: the distinct (bucket, group, order, buyer) rows
    // (about half the facts) are all the distinct counts need, and make their sorts cheaper.
    const bucketed = grouping.columns.includes("bucket")
    const rows = (await manager.execute(
      `select ${grouping.select} count(distinct "order_id")::int as "orders", count(distinct "buyer_key")::int as "buyers"
         from (select distinct ${bucketed ? `${BUCKET_OF_DAY} as "bucket", ` : ""}${
           grouping.columns.includes("grp") ? `${GROUP_COLUMN[query.breakdown]} as "grp", ` : ""
         }"order_id", "buyer_key"
                 from "income_fact" where "kind" = 'sale' and ${scope.sql} and "day" between ?::date and ?::date) f
        ${grouping.groupBy}`,
      [...(bucketed ? [query.granularity] : []), ...scope.params, query.from, query.to]
    )) as Record<string, unknown>[]
    return rows.map((row) => ({
      slice: grouping.sliceOf(row),
      bucket: (row.bucket as string | null) ?? null,
      group: (row.grp as string | null) ?? null,
      orders: toNumber(row.orders),
      buyers: toNumber(row.buyers),
    }))
  }
}

const SLICE_COLUMNS: Record<IncomeSlice, readonly string[]> = {
  total: [],
  bucket: ["bucket"],
  group: ["grp"],
  bucket_group: ["bucket", "grp"],
  produce: ["product_id", "unit"],
  unit: ["unit"],
}
const GROUPABLE = ["bucket", "grp", "product_id", "unit"] as const

/**
 * GROUPING SETS for the slices asked for. Only columns some slice groups by are selected;
 * `grouping(...)` tells each result row's slice (a bit is set for every column it does not group by).
 */
function groupingOf(slices: IncomeSlice[]) {
  const wanted = [...new Set(slices)]
  const columns = GROUPABLE.filter((column) => wanted.some((slice) => SLICE_COLUMNS[slice].includes(column)))
  const bySignature = new Map<string, IncomeSlice>(
    wanted.map((slice) => [columns.map((column) => (SLICE_COLUMNS[slice].includes(column) ? "1" : "0")).join(""), slice])
  )
  const select =
    columns.length === 0
      ? ""
      : `grouping(${columns.map((c) => `"${c}"`).join(", ")}) as "g", ${columns
          .map((c) => (c === "bucket" ? `to_char("bucket", 'YYYY-MM-DD') as "bucket"` : `"${c}"`))
          .join(", ")},`
  const groupBy =
    columns.length === 0
      ? ""
      : `group by grouping sets (${wanted.map((slice) => `(${SLICE_COLUMNS[slice].map((c) => `"${c}"`).join(", ")})`).join(", ")})`
  const sliceOf = (row: Record<string, unknown>): IncomeSlice => {
    if (columns.length === 0) return "total"
    const g = Number(row.g)
    const signature = columns.map((_, index) => ((g >> (columns.length - 1 - index)) & 1 ? "0" : "1")).join("")
    const slice = bySignature.get(signature)
    if (!slice) throw new Error(`Unexpected grouping ${g}`)
    return slice
  }
  return { select, groupBy, sliceOf, columns: columns as readonly string[] }
}

/** The first day of a day's bucket (`?` is the granularity); `day` as a timestamp without time zone, so no zone is looked up per row. */
const BUCKET_OF_DAY = `date_trunc(?, "day"::timestamp)::date`

/** The sum of some slices' rows, as one row of another slice. */
function addUp(slice: IncomeSlice, unit: string | null, rows: IncomeSums[]): IncomeSums {
  const sum = (column: "gross_fen" | "refunds_fen" | "net_fen" | "commission_fen" | "fulfilled_fen" | "quantity") =>
    rows.reduce((total, row) => total + row[column], 0)
  return {
    slice,
    bucket: null,
    group: null,
    product_id: null,
    unit,
    gross_fen: sum("gross_fen"),
    refunds_fen: sum("refunds_fen"),
    net_fen: sum("net_fen"),
    commission_fen: sum("commission_fen"),
    fulfilled_fen: sum("fulfilled_fen"),
    quantity: sum("quantity"),
  }
}

type FactKey = Pick<IncomeFactInput, (typeof KEY_COLUMNS)[number]>

function keyString(key: FactKey): string {
  return KEY_COLUMNS.map((column) => key[column]).join("|")
}

function uniqueKeys(facts: FactKey[]): FactKey[] {
  const keys = new Map<string, FactKey>()
  for (const fact of facts) {
    const key: FactKey = {
      day: fact.day,
      village_code: fact.village_code,
      cooperative_id: fact.cooperative_id,
      product_id: fact.product_id,
      farmer_member_id: fact.farmer_member_id,
      unit: fact.unit,
    }
    keys.set(keyString(key), key)
  }
  return [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, key]) => key)
}

function normaliseFact(row: Record<string, unknown>): IncomeFactInput {
  return {
    id: String(row.id),
    order_id: String(row.order_id),
    line_item_id: String(row.line_item_id),
    kind: row.kind === "refund" ? "refund" : "sale",
    day: String(row.day),
    village_code: String(row.village_code),
    cooperative_id: String(row.cooperative_id),
    product_id: String(row.product_id),
    farmer_member_id: String(row.farmer_member_id),
    unit: String(row.unit),
    buyer_key: String(row.buyer_key),
    gross_fen: toNumber(row.gross_fen),
    refunds_fen: toNumber(row.refunds_fen),
    commission_fen: toNumber(row.commission_fen),
    fulfilled_fen: toNumber(row.fulfilled_fen),
    quantity: toNumber(row.quantity),
  }
}

function sameFact(a: IncomeFactInput | undefined, b: IncomeFactInput | undefined): boolean {
  if (!a || !b) return false
  return FACT_COLUMNS.every((column) => a[column] === b[column])
}

function assertFact(fact: IncomeFactInput, orderId: string) {
  if (fact.order_id !== orderId) throw new RangeError(`Fact ${fact.id} belongs to ${fact.order_id}, not ${orderId}`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fact.day)) throw new RangeError(`Fact ${fact.id}: day ${fact.day} is not YYYY-MM-DD`)
  if (!/^\d{12}$/.test(fact.village_code)) throw new RangeError(`Fact ${fact.id}: ${fact.village_code} is not a village code`)
  for (const column of ["gross_fen", "refunds_fen", "commission_fen", "fulfilled_fen", "quantity"] as const) {
    if (!Number.isSafeInteger(fact[column])) throw new RangeError(`Fact ${fact.id}: ${column} must be a whole number`)
  }
}

/** A PostgreSQL array literal, passed as one text parameter (MikroORM's execute() turns JS arrays into comma lists). */
function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`
}

export default IncomeModuleService
