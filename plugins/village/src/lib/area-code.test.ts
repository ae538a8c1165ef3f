import { areaCovers, areaLevel, isAreaCode, parentAreaCodes } from "./area-code"

describe("area codes", () => {
  it("tells the level from the length", () => {
    expect(areaLevel("61")).toBe("province")
    expect(areaLevel("6106")).toBe("city")
    expect(areaLevel("610629")).toBe("county")
    expect(areaLevel("610629100")).toBe("town")
    expect(areaLevel("610629100201")).toBe("village")
    expect(() => areaLevel("61062")).toThrow(/Not an area code/)
    expect(isAreaCode("6106a9")).toBe(false)
  })

  it("lists the parent chain, province first", () => {
    expect(parentAreaCodes("610629100201")).toEqual(["61", "6106", "610629", "610629100"])
    expect(parentAreaCodes("61")).toEqual([])
  })

  it("lets a county scope cover its villages and nothing outside", () => {
    expect(areaCovers("610629", "610629100201")).toBe(true)
    expect(areaCovers("610629", "610629")).toBe(true)
    expect(areaCovers("610629", "610630100201")).toBe(false)
    expect(areaCovers("610629100201", "610629")).toBe(false)
    expect(areaCovers("", "610629")).toBe(false)
  })
})
