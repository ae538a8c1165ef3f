/**
 * The income dashboards' filters as the URL carries them (`?area=&from=&to=&granularity=&breakdown=`),
 * the links of the period presets, and the CSV link with the same filters. Dates are days in China.
 */
/** What each dashboard may break income down by. */
export const BREAKDOWNS_FOR = {
  area: ["village", "cooperative", "produce", "farmer"],
  cooperative: ["produce", "farmer", "village"],
  me: ["produce", "cooperative", "village"],
} as const;

export type IncomeFilters = {
  area: string | null;
  from: string | null;
  to: string | null;
  granularity: string | null;
  breakdown: string | null;
};

const FILTER_KEYS = ["area", "from", "to", "granularity", "breakdown"] as const;

export function filtersFrom(url: URL): IncomeFilters {
  const value = (key: string) => url.searchParams.get(key)?.trim() || null;
  return { area: value("area"), from: value("from"), to: value("to"), granularity: value("granularity"), breakdown: value("breakdown") };
}

/** `path?…` with the given filters, leaving out empty ones. */
export function hrefWith(path: string, filters: Partial<IncomeFilters>): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Today in China, YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** This month, last month, this year, the last twelve months (whole months, ending today). */
export function periodPresets(today: string) {
  const [y, m] = today.split("-").map(Number);
  return {
    thisMonth: { from: day(Date.UTC(y, m - 1, 1)), to: today },
    lastMonth: { from: day(Date.UTC(y, m - 2, 1)), to: day(Date.UTC(y, m - 1, 0)) },
    thisYear: { from: `${y}-01-01`, to: today },
    last12Months: { from: day(Date.UTC(y, m - 12, 1)), to: today },
  } as const;
}

/** The presets as links keeping the area and breakdown, and letting the granularity follow the period. */
export function presetLinks(path: string, filters: IncomeFilters, today: string) {
  return Object.entries(periodPresets(today)).map(([key, period]) => ({
    key: key as keyof ReturnType<typeof periodPresets>,
    href: hrefWith(path, { area: filters.area, breakdown: filters.breakdown, ...period }),
  }));
}
