import { fenToYuan, yuanToFen } from "./money"

describe("money in fen", () => {
  it("converts typed prices exactly", () => {
    expect(yuanToFen("12.5")).toBe(1250)
    expect(yuanToFen("0.1")).toBe(10)
    expect(yuanToFen("19.99")).toBe(1999)
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen("-3")).toBe(-300)
  })

  it("rejects what is not an amount", () => {
    expect(() => yuanToFen("12.345")).toThrow(RangeError)
    expect(() => yuanToFen("abc")).toThrow(RangeError)
    expect(() => yuanToFen("")).toThrow(RangeError)
  })

  it("prints fen as yuan with two decimals", () => {
    expect(fenToYuan(1250)).toBe("12.50")
    expect(fenToYuan(5)).toBe("0.05")
    expect(fenToYuan(-1999)).toBe("-19.99")
    expect(() => fenToYuan(1.5)).toThrow(RangeError)
  })
})
