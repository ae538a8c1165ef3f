import { describe, expect, it } from "vitest"
import { commissionFen, commissionRateFor, platformCommissionBps } from "./commission"

describe("commission", () => {
  it("defaults the platform rate to 5 % and reads PLATFORM_COMMISSION_BPS", () => {
    expect(platformCommissionBps({})).toBe(500)
    expect(platformCommissionBps({ PLATFORM_COMMISSION_BPS: "" })).toBe(500)
    expect(platformCommissionBps({ PLATFORM_COMMISSION_BPS: "800" })).toBe(800)
    expect(() => platformCommissionBps({ PLATFORM_COMMISSION_BPS: "5%" })).toThrow(/PLATFORM_COMMISSION_BPS/)
    expect(() => platformCommissionBps({ PLATFORM_COMMISSION_BPS: "10001" })).toThrow(/PLATFORM_COMMISSION_BPS/)
  })

  it("lets a cooperative's own rate override the default", () => {
    expect(commissionRateFor({ commission_rate_bps: null }, {})).toBe(500)
    expect(commissionRateFor({ commission_rate_bps: 0 }, {})).toBe(0)
    expect(commissionRateFor({ commission_rate_bps: 300 }, { PLATFORM_COMMISSION_BPS: "800" })).toBe(300)
  })

  it("rounds commission half up to whole fen", () => {
    expect(commissionFen(6800, 500)).toBe(340)
    expect(commissionFen(1, 5000)).toBe(1) // 0.5 fen → 1
    expect(commissionFen(1, 4999)).toBe(0)
    expect(commissionFen(0, 500)).toBe(0)
    expect(commissionFen(1_234_567, 123)).toBe(15_185) // 15,185.17
  })
})
