import { describe, expect, it } from "vitest";

import { chinaToday, filtersFrom, hrefWith, periodPresets, presetLinks } from "./income-filters";

describe("income filters", () => {
  it("read the filters from the URL, leaving out empty ones", () => {
    const filters = filtersFrom(new URL("http://portal/income?area=610629&from=2026-01-01&to=&breakdown=village&other=1"));
    expect(filters).toEqual({ area: "610629", from: "2026-01-01", to: null, granularity: null, breakdown: "village" });
    expect(hrefWith("/income.csv", filters)).toBe("/income.csv?area=610629&from=2026-01-01&breakdown=village");
    expect(hrefWith("/me/income", {})).toBe("/me/income");
  });

  it("offer this month, last month, this year and the last twelve months, in China's days", () => {
    expect(chinaToday(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01");
    expect(periodPresets("2026-03-15")).toEqual({
      thisMonth: { from: "2026-03-01", to: "2026-03-15" },
      lastMonth: { from: "2026-02-01", to: "2026-02-28" },
      thisYear: { from: "2026-01-01", to: "2026-03-15" },
      last12Months: { from: "2025-04-01", to: "2026-03-15" },
    });
    expect(periodPresets("2026-01-10").lastMonth).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    const links = presetLinks("/income", { area: "610629", from: "2020-01-01", to: null, granularity: "day", breakdown: "farmer" }, "2026-03-15");
    // The period changes, the area and breakdown stay, the granularity follows the new period.
    expect(links[0]).toEqual({ key: "thisMonth", href: "/income?area=610629&from=2026-03-01&to=2026-03-15&breakdown=farmer" });
  });
});
