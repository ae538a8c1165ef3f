import { isStrongEnoughPassword, parseLoginIdentifier } from "./login-identifier"

describe("login identifiers", () => {
  it("normalises mainland mobile numbers written the usual ways", () => {
    for (const written of ["13800138000", "+86 138 0013 8000", "138-0013-8000", "008613800138000"]) {
      expect(parseLoginIdentifier(written)).toEqual({ kind: "phone", value: "13800138000" })
    }
  })

  it("lower-cases email addresses", () => {
    expect(parseLoginIdentifier("  Li.Ming@Example.COM ")).toEqual({ kind: "email", value: "li.ming@example.com" })
  })

  it("refuses what is neither", () => {
    for (const written of ["12800138000", "1380013800", "li@", "村支书", ""]) {
      expect(parseLoginIdentifier(written)).toBeNull()
    }
  })

  it("wants eight characters with a letter and a digit", () => {
    expect(isStrongEnoughPassword("abc12345")).toBe(true)
    expect(isStrongEnoughPassword("田园2026田园2026")).toBe(true)
    expect(isStrongEnoughPassword("12345678")).toBe(false)
    expect(isStrongEnoughPassword("abcdefgh")).toBe(false)
    expect(isStrongEnoughPassword("ab12")).toBe(false)
  })
})
