/**
 * Statistical village names are committee names ("东关村委会", "张家村村民委员会", "南关社区居委会");
 * people say "东关村", "张家村", "南关社区".
 */
export function villageDisplayName(committeeName: string): string {
  return committeeName
    .trim()
    .replace(/村民委员会$|村委会$/, "村")
    .replace(/社区居民委员会$|社区居委会$/, "社区")
    .replace(/居民委员会$|居委会$/, "社区")
    .replace(/村村$/, "村")
}

/** A URL handle from a name's pinyin ("dong guan cun" → "dongguancun"). */
export function handleFromPinyin(pinyin: string, fallback = "village"): string {
  return (
    pinyin
      .toLowerCase()
      .replace(/[üǖǘǚǜ]/g, "v")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "")
      .slice(0, 60) || fallback
  )
}
