/**
 * Money in the ledger is kept in integer fen (1 yuan = 100 fen) so sums never drift. Prices typed by
 * farmers arrive as decimal strings ("12.5"), which are converted without passing through floats.
 */
export function yuanToFen(yuan: string | number): number {
  const text = typeof yuan === "number" ? yuan.toFixed(2) : yuan.trim()
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) {
    throw new RangeError(`Not an amount in yuan: ${JSON.stringify(yuan)}`)
  }
  const [, minus, whole, fraction = ""] = match
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, "0"))
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`Amount too large: ${JSON.stringify(yuan)}`)
  }
  return minus ? -fen : fen
}

export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`Fen must be a whole number: ${fen}`)
  }
  const sign = fen < 0 ? "-" : ""
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}
