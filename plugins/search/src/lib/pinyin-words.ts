import { pinyin } from "pinyin-pro"

/**
 * Pinyin of Chinese text for engines that match whole words (Meilisearch): a Latin query such as
 * "luochuan", "pingguo", "hongfushi" or "lchfspg" must be one indexed word, but nobody can tell
 * where the words of 洛川红富士苹果 start without a dictionary. So every contiguous run of syllables
 * ("luo", "luochuan", "luochuanhong", … "pingguo", "guo") and every run of two or more initials
 * ("lc", "lch", … "lchfspg", "hfs", "pg") becomes a word. A title of n characters gives about n²
 * words; runs are capped at `maxRun` syllables to bound long titles.
 */
const HAN_RUN = /\p{Script=Han}+/gu

function syllablesOf(run: string): { full: string[]; initials: string[] } {
  const full = pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase())
  const initials = pinyin(run, { pattern: "first", toneType: "none", type: "array" }).map((s) => s.toLowerCase())
  return { full, initials }
}

export function pinyinWords(text: string, maxRun = 12): string[] {
  const words = new Set<string>()
  for (const [run] of text.normalize("NFKC").matchAll(HAN_RUN)) {
    const { full, initials } = syllablesOf(run)
    for (let start = 0; start < full.length; start++) {
      for (let end = start + 1; end <= Math.min(full.length, start + maxRun); end++) {
        words.add(full.slice(start, end).join(""))
        if (end - start >= 2) words.add(initials.slice(start, end).join(""))
      }
    }
  }
  return [...words]
}
