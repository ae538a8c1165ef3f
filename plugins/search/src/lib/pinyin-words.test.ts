import { pinyinWords } from "./pinyin-words"

describe("pinyinWords", () => {
  it("makes every run of syllables and of two or more initials a word", () => {
    const words = pinyinWords("洛川红富士苹果")
    for (const word of ["luo", "luochuan", "hongfushi", "pingguo", "guo", "luochuanhongfushipingguo", "lchfspg", "hfs", "pg"]) {
      expect(words).toContain(word)
    }
    expect(words).not.toContain("l") // a single initial would match every word starting with it
    expect(words).not.toContain("chuanhong fu") // runs are joined, never spaced
    expect(words).toHaveLength(7 * 8 / 2 + 6 * 7 / 2) // 28 syllable runs, 21 initial runs
  })

  it("reads polyphones in context, writes ü as v, and ignores everything but Han", () => {
    expect(pinyinWords("重庆")).toContain("chongqing")
    expect(pinyinWords("绿豆")).toContain("lvdou")
    expect(pinyinWords("Fuji 2号")).toEqual(["hao"])
    expect(pinyinWords("")).toEqual([])
  })

  it("caps runs so long titles stay small", () => {
    const words = pinyinWords("一二三四五六七八九十一二三四五六七八九十", 4)
    expect(words.every((w) => w.length <= 4 * 4)).toBe(true)
  })
})
