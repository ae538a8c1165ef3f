import { describe, expect, it } from "vitest";

import { formatCny, formatFen, formatMoney } from "./money.ts";

describe("formatCny", () => {
  it("reads Medusa's major-unit amounts as yuan in Chinese", () => {
    expect(formatCny(12.5, "zh-CN")).toBe("¥12.50");
    expect(formatCny(0, "zh-CN")).toBe("¥0.00");
    expect(formatCny(1288, "zh-CN")).toBe("¥1,288.00");
  });

  it("marks the currency as Chinese yuan in English", () => {
    expect(formatCny(12.5, "en")).toBe("CN¥12.50");
    expect(formatCny(1288, "en")).toBe("CN¥1,288.00");
  });

  it("rounds to the fen", () => {
    expect(formatCny(9.999, "zh-CN")).toBe("¥10.00");
  });
});

describe("formatMoney", () => {
  it("accepts Medusa's lower-case currency codes", () => {
    expect(formatMoney(3, "cny", "zh-CN")).toBe("¥3.00");
    expect(formatMoney(3, "usd", "en")).toBe("$3.00");
  });
});

describe("formatFen", () => {
  it("reads our routes' integer fen as yuan", () => {
    expect(formatFen(1250, "zh-CN")).toBe("¥12.50");
    expect(formatFen(0, "zh-CN")).toBe("¥0.00");
    expect(formatFen(128800, "en")).toBe("CN¥1,288.00");
    expect(formatFen(1, "zh-CN")).toBe("¥0.01");
  });
});
