import { randomBytes } from "node:crypto"
import { pinyin } from "pinyin-pro"

/** "洛川红富士苹果" → "luochuanhongfushipingguo-3k9x2a": readable, and unique without a lookup. */
export function produceHandle(title: string): string {
  const slug = pinyin(title, { toneType: "none", nonZh: "consecutive" })
    .toLowerCase()
    .replace(/[üǖǘǚǜ]/g, "v")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 48)
  return `${slug || "produce"}-${randomBytes(4).toString("hex").slice(0, 6)}`
}
