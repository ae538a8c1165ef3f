import { cjkTerms } from "./cjk-terms"

describe("cjkTerms", () => {
  it("makes the one- and two-character pieces a short query needs", () => {
    const terms = cjkTerms("五常稻花香大米")
    expect(terms).toContain("米")
    expect(terms).toContain("大米")
    expect(terms).toContain("五常")
    expect(terms).not.toContain("五常稻")
  })

  it("keeps Latin words whole, lower-cased, and full-width letters normalised", () => {
    expect(cjkTerms("Luochuan Fuji 苹果")).toEqual(["luochuan", "fuji", "苹", "苹果", "果"])
    expect(cjkTerms("ＡＰＰＬＥ")).toEqual(["apple"])
  })

  it("ignores punctuation and returns nothing for an empty text", () => {
    expect(cjkTerms("  ，。!!  ")).toEqual([])
  })
})
