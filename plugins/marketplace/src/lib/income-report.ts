import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Locale } from "@tianyuan/village/lib/portal-errors"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { villageDisplayName } from "@tianyuan/village/lib/village-name"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import type { VillageModuleService } from "@tianyuan/village/modules/village"
import { INCOME_MODULE } from "../modules/income"
import type IncomeModuleService from "../modules/income/service"
import type { IncomeBreakdown, IncomeCounts, IncomeQuery, IncomeScope, IncomeSums } from "../modules/income/service"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { memberNames } from "../api/portal/farmers"
import type { IncomePeriod } from "./income-period"

/**
 * An income report (docs/api/income.md): totals with the previous period beside them, a time series
 * with every bucket (empty ones as zero), a breakdown by village, cooperative, produce or farmer,
 * the top produce, and quantities by unit. Sums come from the daily rollups; orders and buyers are
 * exact distinct counts from the facts.
 */
export type IncomeTotals = {
  gross_fen: number
  refunds_fen: number
  net_fen: number
  commission_fen: number
  fulfilled_fen: number
  orders: number
  buyers: number
}

export type IncomeScopeView =
  | { kind: "area"; code: string; name: string; level: string }
  | { kind: "cooperative"; id: string; name: string }
  | { kind: "farmer"; id: string; name: string }

export type IncomeBreakdownRow = IncomeTotals & { key: string; name: string; quantity: number; unit: string | null }

export type IncomeReport = {
  scope: IncomeScopeView
  period: { from: string; to: string; days: number; granularity: IncomePeriod["granularity"]; breakdown: IncomeBreakdown }
  previous_period: { from: string; to: string }
  totals: IncomeTotals
  previous_totals: IncomeTotals
  /** Relative change against the previous period (0.25 = +25 %), null when the previous period had none. */
  change: { gross: number | null; net: number | null; orders: number | null; buyers: number | null }
  quantities: { unit: string; quantity: number }[]
  series: (IncomeTotals & { start: string })[]
  breakdown: { by: IncomeBreakdown; rows: IncomeBreakdownRow[]; total_rows: number; truncated: boolean }
  top_produce: { product_id: string; name: string; unit: string; quantity: number; net_fen: number; gross_fen: number }[]
}

export const BREAKDOWN_ROW_LIMIT = 200
const TOP_PRODUCE = 10

const ZERO: IncomeTotals = { gross_fen: 0, refunds_fen: 0, net_fen: 0, commission_fen: 0, fulfilled_fen: 0, orders: 0, buyers: 0 }

function totalsOf(sums: IncomeSums | undefined, counts: IncomeCounts | undefined): IncomeTotals {
  return {
    gross_fen: sums?.gross_fen ?? 0,
    refunds_fen: sums?.refunds_fen ?? 0,
    net_fen: sums?.net_fen ?? 0,
    commission_fen: sums?.commission_fen ?? 0,
    fulfilled_fen: sums?.fulfilled_fen ?? 0,
    orders: counts?.orders ?? 0,
    buyers: counts?.buyers ?? 0,
  }
}

const ratio = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / Math.abs(before)) * 10_000) / 10_000)

/** The area named by a code, or a 400 when the area data has no such code. */
export async function findArea(container: MedusaContainer, code: string): Promise<{ code: string; name: string; level: string }> {
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(code)) throw new PortalError("income_area_unknown")
  const village = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [area] = await village.listAdminAreas({ code }, { select: ["code", "name", "level"] })
  if (!area) throw new PortalError("income_area_unknown")
  return { code: area.code, name: area.level === "village" ? villageDisplayName(area.name) : area.name, level: area.level }
}

/** Display names of breakdown keys and produce. */
export async function incomeNames(container: MedusaContainer, kind: IncomeBreakdown, keys: string[], locale: Locale): Promise<Map<string, string>> {
  const ids = [...new Set(keys.filter(Boolean))]
  if (ids.length === 0) return new Map()
  if (kind === "village") {
    const village = container.resolve<VillageModuleService>(VILLAGE_MODULE)
    const [areas, open] = await Promise.all([
      village.listAdminAreas({ code: ids }, { select: ["code", "name"], take: null }),
      village.listVillages({ area_code: ids }, { select: ["area_code", "name"], take: null }),
    ])
    const names = new Map(areas.map((area) => [area.code, villageDisplayName(area.name)]))
    for (const v of open) names.set(v.area_code, v.name)
    return names
  }
  if (kind === "cooperative") {
    const cooperatives = await container
      .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      .listCooperatives({ id: ids }, { select: ["id", "name"], take: null, withDeleted: true })
    return new Map(cooperatives.map((c) => [c.id, c.name]))
  }
  if (kind === "farmer") return memberNames(container, ids)
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["id", "title", "metadata"],
    filters: { id: ids },
    withDeleted: true,
  } as never)
  return new Map(
    (data as { id: string; title: string; metadata?: Record<string, unknown> | null }[]).map((product) => [
      product.id,
      locale === "en" && typeof product.metadata?.title_en === "string" && product.metadata.title_en ? product.metadata.title_en : product.title,
    ])
  )
}

export async function buildIncomeReport(
  container: MedusaContainer,
  input: { scope: IncomeScope; view: IncomeScopeView; period: IncomePeriod; locale: Locale }
): Promise<IncomeReport> {
  const income = container.resolve<IncomeModuleService>(INCOME_MODULE)
  const { period } = input
  const current: IncomeQuery = { scope: input.scope, from: period.from, to: period.to, granularity: period.granularity, breakdown: period.breakdown }
  const previous: IncomeQuery = { ...current, from: period.previous.from, to: period.previous.to }
  const [sums, counts, previousSums, previousCounts] = await Promise.all([
    income.sumIncome(current, ["total", "bucket", "group", "produce", "unit"]),
    income.countIncome(current, ["total", "bucket", "group"]),
    income.sumIncome(previous, ["total"]),
    income.countIncome(previous, ["total"]),
  ])
  const totals = totalsOf(
    sums.find((row) => row.slice === "total"),
    counts.find((row) => row.slice === "total")
  )
  const previousTotals = totalsOf(previousSums[0], previousCounts[0])

  const bucketSums = new Map(sums.filter((row) => row.slice === "bucket").map((row) => [row.bucket!, row]))
  const bucketCounts = new Map(counts.filter((row) => row.slice === "bucket").map((row) => [row.bucket!, row]))
  const series = period.buckets.map((start) => ({ start, ...totalsOf(bucketSums.get(start), bucketCounts.get(start)) }))

  const groupCounts = new Map(counts.filter((row) => row.slice === "group").map((row) => [row.group!, row]))
  // One unit per produce; a produce breakdown shows it beside the quantity.
  const unitOfProduct = new Map(sums.filter((row) => row.slice === "produce").map((row) => [row.product_id!, row.unit ?? ""]))
  const groups = sums
    .filter((row) => row.slice === "group")
    .map((row) => ({ row, totals: totalsOf(row, groupCounts.get(row.group!)) }))
    .sort((a, b) => b.totals.net_fen - a.totals.net_fen || b.totals.gross_fen - a.totals.gross_fen || String(a.row.group).localeCompare(String(b.row.group)))
  const shown = groups.slice(0, BREAKDOWN_ROW_LIMIT)

  const produce = sums
    .filter((row) => row.slice === "produce")
    .sort((a, b) => b.net_fen - a.net_fen || b.gross_fen - a.gross_fen)
    .slice(0, TOP_PRODUCE)
  const [groupNames, produceNames] = await Promise.all([
    incomeNames(
      container,
      period.breakdown,
      shown.map((g) => g.row.group!),
      input.locale
    ),
    incomeNames(
      container,
      "produce",
      produce.map((row) => row.product_id!),
      input.locale
    ),
  ])

  return {
    scope: input.view,
    period: { from: period.from, to: period.to, days: period.days, granularity: period.granularity, breakdown: period.breakdown },
    previous_period: period.previous,
    totals,
    previous_totals: previousTotals,
    change: {
      gross: ratio(totals.gross_fen, previousTotals.gross_fen),
      net: ratio(totals.net_fen, previousTotals.net_fen),
      orders: ratio(totals.orders, previousTotals.orders),
      buyers: ratio(totals.buyers, previousTotals.buyers),
    },
    quantities: sums
      .filter((row) => row.slice === "unit" && row.unit)
      .map((row) => ({ unit: row.unit!, quantity: row.quantity }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
    series,
    breakdown: {
      by: period.breakdown,
      rows: shown.map(({ row, totals: t }) => ({
        key: row.group!,
        name: groupNames.get(row.group!) ?? row.group!,
        ...t,
        quantity: period.breakdown === "produce" ? row.quantity : 0,
        unit: period.breakdown === "produce" ? unitOfProduct.get(row.group!) ?? null : null,
      })),
      total_rows: groups.length,
      truncated: groups.length > shown.length,
    },
    top_produce: produce.map((row) => ({
      product_id: row.product_id!,
      name: produceNames.get(row.product_id!) ?? row.product_id!,
      unit: row.unit ?? "",
      quantity: row.quantity,
      net_fen: row.net_fen,
      gross_fen: row.gross_fen,
    })),
  }
}

export { ZERO as ZERO_INCOME }
