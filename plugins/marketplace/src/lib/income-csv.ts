import type { MedusaContainer } from "@medusajs/framework/types"
import type { Locale } from "@tianyuan/village/lib/portal-errors"
import { INCOME_MODULE } from "../modules/income"
import type IncomeModuleService from "../modules/income/service"
import type { IncomeBreakdown, IncomeQuery, IncomeScope } from "../modules/income/service"
import { fenToYuan } from "./money"
import type { IncomePeriod } from "./income-period"
import { incomeNames } from "./income-report"

/**
 * The CSV export of an income report: one row per time bucket and breakdown group, money in yuan
 * with two decimals, UTF-8 with a byte-order mark so spreadsheet programs open Chinese correctly.
 */
const HEADERS: Record<Locale, { bucket: string; code: Record<IncomeBreakdown, string>; name: Record<IncomeBreakdown, string>; rest: string[]; unit: string }> = {
  "zh-CN": {
    bucket: "时段开始",
    code: { village: "村代码", cooperative: "合作社编号", produce: "农产品编号", farmer: "农户编号" },
    name: { village: "村", cooperative: "合作社", produce: "农产品", farmer: "农户" },
    rest: ["销售额（元）", "退款（元）", "净收入（元）", "平台佣金（元）", "已送达（元）", "订单数", "买家数"],
    unit: "数量",
  },
  en: {
    bucket: "Period start",
    code: { village: "Village code", cooperative: "Cooperative id", produce: "Produce id", farmer: "Farmer id" },
    name: { village: "Village", cooperative: "Cooperative", produce: "Produce", farmer: "Farmer" },
    rest: ["Gross (CNY)", "Refunds (CNY)", "Net (CNY)", "Platform commission (CNY)", "Delivered (CNY)", "Orders", "Buyers"],
    unit: "Quantity",
  },
}

export const UNIT_NAMES: Record<Locale, Record<string, string>> = {
  "zh-CN": { jin: "斤", kg: "公斤", box: "箱", piece: "件" },
  en: { jin: "jin", kg: "kg", box: "box", piece: "piece" },
}

/** A field as a spreadsheet reads it: quoted when needed, and text that looks like a formula defused. */
export function csvField(value: string | number): string {
  if (typeof value === "number" || /^-?\d+(\.\d+)?$/.test(value)) return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLines(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`
}

export async function buildIncomeCsv(
  container: MedusaContainer,
  input: { scope: IncomeScope; period: IncomePeriod; locale: Locale }
): Promise<string> {
  const { period, locale } = input
  const income = container.resolve<IncomeModuleService>(INCOME_MODULE)
  const query: IncomeQuery = { scope: input.scope, from: period.from, to: period.to, granularity: period.granularity, breakdown: period.breakdown }
  const [sums, counts] = await Promise.all([income.sumIncome(query, ["bucket_group"]), income.countIncome(query, ["bucket_group"])])
  const units =
    period.breakdown === "produce"
      ? new Map((await income.sumIncome(query, ["produce"])).map((row) => [row.product_id!, row.unit ?? ""]))
      : new Map<string, string>()
  const countOf = new Map(counts.map((row) => [`${row.bucket}|${row.group}`, row]))
  const names = await incomeNames(
    container,
    period.breakdown,
    sums.map((row) => row.group!),
    locale
  )
  const headers = HEADERS[locale]
  const withQuantity = period.breakdown === "produce"
  const header = [
    headers.bucket,
    headers.code[period.breakdown],
    headers.name[period.breakdown],
    ...headers.rest,
    ...(withQuantity ? [headers.unit, locale === "en" ? "Unit" : "单位"] : []),
  ]
  const rows = sums
    .sort((a, b) => String(a.bucket).localeCompare(String(b.bucket)) || b.net_fen - a.net_fen || String(a.group).localeCompare(String(b.group)))
    .map((row) => {
      const count = countOf.get(`${row.bucket}|${row.group}`)
      const unit = units.get(row.group!) ?? ""
      return [
        row.bucket!,
        row.group!,
        names.get(row.group!) ?? "",
        fenToYuan(row.gross_fen),
        fenToYuan(row.refunds_fen),
        fenToYuan(row.net_fen),
        fenToYuan(row.commission_fen),
        fenToYuan(row.fulfilled_fen),
        count?.orders ?? 0,
        count?.buyers ?? 0,
        ...(withQuantity ? [row.quantity, UNIT_NAMES[locale][unit] ?? unit] : []),
      ]
    })
  return csvLines([header, ...rows])
}

/** `income-610629-2026-01-01-2026-12-31.csv` */
export function csvFileName(subject: string, period: IncomePeriod): string {
  return `income-${subject.replace(/[^A-Za-z0-9_-]/g, "")}-${period.from}-${period.to}.csv`
}
