/**
 * The platform's commission. Its default rate is read here and nowhere else: `PLATFORM_COMMISSION_BPS`
 * in basis points (500 = 5 %, the default), a whole number from 0 to 10,000. A cooperative's own
 * `commission_rate_bps` overrides it; the rate that applied is recorded on each order line at checkout.
 */
export const DEFAULT_PLATFORM_COMMISSION_BPS = 500

export function platformCommissionBps(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PLATFORM_COMMISSION_BPS?.trim()
  if (!raw) return DEFAULT_PLATFORM_COMMISSION_BPS
  const bps = Number(raw)
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) {
    throw new RangeError(`PLATFORM_COMMISSION_BPS must be a whole number from 0 to 10000 (basis points), not ${JSON.stringify(raw)}`)
  }
  return bps
}

/** The rate for a cooperative: its override when set, else the platform default. */
export function commissionRateFor(cooperative: { commission_rate_bps?: number | null }, env?: Record<string, string | undefined>): number {
  return cooperative.commission_rate_bps ?? platformCommissionBps(env)
}

/** Commission on a gross amount in fen, rounded half up to whole fen (never negative for a positive gross). */
export function commissionFen(grossFen: number, rateBps: number): number {
  if (!Number.isSafeInteger(grossFen) || !Number.isInteger(rateBps)) {
    throw new RangeError(`Commission needs whole fen and basis points: ${grossFen}, ${rateBps}`)
  }
  return Math.floor((grossFen * rateBps + 5_000) / 10_000)
}
