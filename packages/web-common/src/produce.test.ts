import { describe, expect, it } from "vitest";

import { describeWeight, inLanguage, isCountedUnit, isProduceUnit, preorderState } from "./produce.ts";

describe("units", () => {
  it("knows the contract's four units", () => {
    expect(["jin", "kg", "box", "piece"].every(isProduceUnit)).toBe(true);
    expect(isProduceUnit("ton")).toBe(false);
    expect(isProduceUnit(undefined)).toBe(false);
  });

  it("weighs only what is sold by count", () => {
    expect(isCountedUnit("box")).toBe(true);
    expect(isCountedUnit("piece")).toBe(true);
    expect(isCountedUnit("jin")).toBe(false);
    expect(isCountedUnit("kg")).toBe(false);
  });
});

describe("describeWeight", () => {
  it("says grams below a kilogram", () => {
    expect(describeWeight(500)).toEqual({ key: "grams", value: "500" });
    expect(describeWeight(999.6)).toEqual({ key: "grams", value: "1000" });
  });

  it("says kilograms from one kilogram, with at most two decimals", () => {
    expect(describeWeight(1000)).toEqual({ key: "kilograms", value: "1" });
    expect(describeWeight(2500)).toEqual({ key: "kilograms", value: "2.5" });
    expect(describeWeight(1234)).toEqual({ key: "kilograms", value: "1.23" });
    expect(describeWeight(5005)).toEqual({ key: "kilograms", value: "5.01" });
  });
});

describe("preorderState", () => {
  const opens = "2026-08-01T00:00:00.000Z";
  const closes = "2026-08-20T00:00:00.000Z";

  it("is upcoming, open, then closed", () => {
    expect(preorderState(opens, closes, new Date("2026-07-31T23:59:59Z"))).toBe("upcoming");
    expect(preorderState(opens, closes, new Date("2026-08-01T00:00:00Z"))).toBe("open");
    expect(preorderState(opens, closes, new Date("2026-08-19T12:00:00Z"))).toBe("open");
    expect(preorderState(opens, closes, new Date("2026-08-20T00:00:00Z"))).toBe("closed");
  });

  it("is nothing without a whole, readable window", () => {
    expect(preorderState(null, closes, new Date())).toBeNull();
    expect(preorderState(opens, undefined, new Date())).toBeNull();
    expect(preorderState("soon", closes, new Date())).toBeNull();
  });
});

describe("inLanguage", () => {
  it("uses the farmer's English for English readers, the Chinese otherwise", () => {
    expect(inLanguage("洛川苹果", "Luochuan apples", "en")).toBe("Luochuan apples");
    expect(inLanguage("洛川苹果", "Luochuan apples", "zh-CN")).toBe("洛川苹果");
    expect(inLanguage("洛川苹果", null, "en")).toBe("洛川苹果");
    expect(inLanguage("洛川苹果", "  ", "en")).toBe("洛川苹果");
  });
});
