import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { parseIncomePeriod } from "./income-period"

const parse = (query: Record<string, unknown>) => parseIncomePeriod(query, { defaultBreakdown: "village", today: "2026-11-29" })
const code = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return (error as PortalError).code
  }
  return null
}

describe("income periods", () => {
  it("default to this month so far, by day, with the same number of days before it to compare", () => {
    const period = parse({})
    expect(period).toMatchObject({ from: "2026-11-01", to: "2026-11-29", days: 29, granularity: "day", breakdown: "village" })
    expect(period.previous).toEqual({ from: "2026-10-03", to: "2026-10-31" })
    expect(period.buckets).toHaveLength(29)
  })

  it("bucket weeks from Monday and months from the first", () => {
    const weeks = parse({ from: "2026-11-04", to: "2026-11-20", granularity: "week" })
    expect(weeks.buckets).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"])
    const year = parse({ from: "2026-01-01", to: "2026-12-31" })
    expect(year.granularity).toBe("month")
    expect(year.buckets).toHaveLength(12)
    expect(year.previous).toEqual({ from: "2025-01-01", to: "2025-12-31" })
  })

  it("refuse periods that end before they start, span more than ten years, or are not dates", () => {
    expect(code(() => parse({ from: "2026-11-02", to: "2026-11-01" }))).toBe("income_period_reversed")
    expect(code(() => parse({ from: "2016-01-01", to: "2025-12-31", granularity: "month" }))).toBeNull()
    expect(code(() => parse({ from: "2016-01-01", to: "2026-01-01" }))).toBe("income_period_too_long")
    expect(code(() => parse({ from: "2026-02-30" }))).toBe("invalid_date")
    expect(code(() => parse({ from: "yesterday" }))).toBe("invalid_date")
    expect(code(() => parse({ granularity: "hour" }))).toBe("income_granularity_invalid")
    expect(code(() => parse({ breakdown: "buyer" }))).toBe("income_breakdown_invalid")
    expect(code(() => parse({ from: "2020-01-01", to: "2025-01-01", granularity: "day" }))).toBe("income_too_many_points")
  })
})
