import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * Medusa keeps amounts in yuan as BigNumbers (12.5 = ¥12.50); our tables keep integer fen. The
 * conversion goes through Medusa's big-number maths, never through binary floats.
 */
export function amountToFen(amount: BigNumberInput | null | undefined): number {
  if (amount === null || amount === undefined) return 0
  const fen = MathBN.convert(amount).multipliedBy(100).integerValue(/* ROUND_HALF_UP */ 4)
  const value = fen.toNumber()
  if (!Number.isSafeInteger(value)) throw new RangeError(`Amount out of range: ${String(amount)}`)
  return value
}

export function fenToAmount(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Fen must be a whole number: ${fen}`)
  return MathBN.convert(fen).dividedBy(100).toNumber()
}
