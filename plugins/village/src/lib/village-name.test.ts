import { handleFromPinyin, villageDisplayName } from "./village-name"

describe("village names", () => {
  it("turns committee names into what people say", () => {
    expect(villageDisplayName("东关村委会")).toBe("东关村")
    expect(villageDisplayName("张家村村民委员会")).toBe("张家村")
    expect(villageDisplayName("南关社区居委会")).toBe("南关社区")
    expect(villageDisplayName("胡村委会")).toBe("胡村")
    expect(villageDisplayName("红旗嘎查")).toBe("红旗嘎查")
  })

  it("makes plain ASCII handles from pinyin", () => {
    expect(handleFromPinyin("dōng guān cūn")).toBe("dongguancun")
    expect(handleFromPinyin("lǜ shuǐ cūn")).toBe("lvshuicun")
    expect(handleFromPinyin("")).toBe("village")
  })
})
