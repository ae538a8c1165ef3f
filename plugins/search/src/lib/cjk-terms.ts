/**
 * Chinese has no spaces, so a title like 五常稻花香大米 is one "word" to a Latin tokenizer and a query
 * for 大米 finds nothing. Indexing every Han character and every pair of neighbouring ones lets one-
 * and two-character queries match anywhere in a title; Latin words are kept whole and lower-cased.
 */
const HAN = /\p{Script=Han}/u
const RUN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu

export function cjkTerms(text: string): string[] {
  const terms = new Set<string>()
  for (const [run] of text.normalize("NFKC").toLowerCase().matchAll(RUN)) {
    if (!HAN.test(run)) {
      terms.add(run)
      continue
    }
    const chars = [...run]
    chars.forEach((char, index) => {
      terms.add(char)
      if (index + 1 < chars.length) {
        terms.add(char + chars[index + 1])
      }
    })
  }
  return [...terms]
}
