import { PortalError } from "@tianyuan/village/lib/portal-errors"
import type { IncomeBreakdown, IncomeGranularity } from "../modules/income/service"
import { chinaDay } from "./income-facts"

/**
 * The period and shape of an income report, from the query string: `from` and `to` (YYYY-MM-DD,
 * both included, calendar days in China), `granularity` (day, week — Monday to Sunday — or month)
 * and `breakdown`. Without dates: this month so far. Without a granularity: by day up to two
 * months, by week up to half a year, by month beyond.
 */
export const GRANULARITIES = ["day", "week", "month"] as const
export const BREAKDOWNS = ["village", "cooperative", "produce", "farmer"] as const
export const MAX_YEARS = 10
export const MAX_POINTS = 1000

export type IncomePeriod = {
  from: string
  to: string
  days: number
  granularity: IncomeGranularity
  breakdown: IncomeBreakdown
  /** The same number of days just before. */
  previous: { from: string; to: string }
  /** The first day of every bucket, in order. */
  buckets: string[]
}

const DAY_MS = 86_400_000

/** A YYYY-MM-DD that is a real calendar day (no 2026-02-30), as UTC midnight milliseconds. */
export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) throw new PortalError("invalid_date")
  const [, y, m, d] = match.map(Number)
  const time = Date.UTC(y, m - 1, d)
  const back = new Date(time)
  if (y < 2000 || y > 2999 || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new PortalError("invalid_date")
  }
  return time
}

export const formatDay = (time: number) => new Date(time).toISOString().slice(0, 10)

/** The first day of the bucket a day falls in. */
export function bucketStart(time: number, granularity: IncomeGranularity): number {
  const date = new Date(time)
  if (granularity === "day") return time
  if (granularity === "month") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)
  const weekday = (date.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return time - weekday * DAY_MS
}

function nextBucket(time: number, granularity: IncomeGranularity): number {
  if (granularity === "day") return time + DAY_MS
  if (granularity === "week") return time + 7 * DAY_MS
  const date = new Date(time)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
}

const single = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined
}

export function parseIncomePeriod(
  query: Record<string, unknown>,
  options: { defaultBreakdown: IncomeBreakdown; today?: string }
): IncomePeriod {
  const today = parseDay(options.today ?? chinaDay(new Date()))
  const toText = single(query.to)
  const fromText = single(query.from)
  const to = toText ? parseDay(toText) : today
  const from = fromText ? parseDay(fromText) : Date.UTC(new Date(to).getUTCFullYear(), new Date(to).getUTCMonth(), 1)
  if (to < from) throw new PortalError("income_period_reversed")
  const limit = new Date(from)
  if (to >= Date.UTC(limit.getUTCFullYear() + MAX_YEARS, limit.getUTCMonth(), limit.getUTCDate())) {
    throw new PortalError("income_period_too_long")
  }
  const days = Math.round((to - from) / DAY_MS) + 1

  const granularityText = single(query.granularity)
  if (granularityText && !(GRANULARITIES as readonly string[]).includes(granularityText)) throw new PortalError("income_granularity_invalid")
  const granularity = (granularityText as IncomeGranularity | undefined) ?? (days <= 62 ? "day" : days <= 190 ? "week" : "month")
  const breakdownText = single(query.breakdown)
  if (breakdownText && !(BREAKDOWNS as readonly string[]).includes(breakdownText)) throw new PortalError("income_breakdown_invalid")
  const breakdown = (breakdownText as IncomeBreakdown | undefined) ?? options.defaultBreakdown

  const buckets: string[] = []
  for (let start = bucketStart(from, granularity); start <= to; start = nextBucket(start, granularity)) {
    buckets.push(formatDay(start))
    if (buckets.length > MAX_POINTS) throw new PortalError("income_too_many_points", { limit: String(MAX_POINTS) })
  }
  return {
    from: formatDay(from),
    to: formatDay(to),
    days,
    granularity,
    breakdown,
    previous: { from: formatDay(from - days * DAY_MS), to: formatDay(from - DAY_MS) },
    buckets,
  }
}
