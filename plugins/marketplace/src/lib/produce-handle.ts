import { randomBytes } from "node:crypto"
import { handleFromPinyin } from "@tianyuan/village/lib/village-name"
import { pinyin } from "pinyin-pro"

/** "洛川红富士苹果" → "luochuanhongfushipingguo-3k9x2a": readable, and unique without a lookup. */
export function produceHandle(title: string): string {
  const slug = handleFromPinyin(pinyin(title, { toneType: "none", nonZh: "consecutive" }), "produce").slice(0, 48)
  return `${slug}-${randomBytes(4).toString("hex").slice(0, 6)}`
}
