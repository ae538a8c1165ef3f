import { describe, expect, it } from "vitest";

import { formatDate, formatDateTime } from "./dates.ts";

describe("formatDate", () => {
  it("prints the day in China's time zone, whatever the server's zone", () => {
    // 16:30 UTC on 1 March is already 2 March in Beijing.
    expect(formatDate("2025-03-01T16:30:00.000Z", "zh-CN")).toBe("2025年3月2日");
    expect(formatDate("2025-03-01T16:30:00.000Z", "en")).toBe("Mar 2, 2025");
  });

  it("accepts Date objects", () => {
    expect(formatDate(new Date("2025-03-01T00:00:00.000Z"), "en")).toBe("Mar 1, 2025");
  });

  it("is empty for a missing or unreadable date", () => {
    expect(formatDate(null, "zh-CN")).toBe("");
    expect(formatDate(undefined, "en")).toBe("");
    expect(formatDate("not a date", "en")).toBe("");
  });
});

describe("formatDateTime", () => {
  it("prints the day and the time in China's time zone", () => {
    expect(formatDateTime("2025-03-01T16:30:00.000Z", "zh-CN")).toBe("2025年3月2日 00:30");
    expect(formatDateTime("2025-03-01T16:30:00.000Z", "en")).toBe("Mar 2, 2025, 00:30");
  });

  it("is empty for a missing or unreadable date", () => {
    expect(formatDateTime(null, "zh-CN")).toBe("");
    expect(formatDateTime("not a date", "en")).toBe("");
  });
});
