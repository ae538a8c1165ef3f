import type { Locale } from "./locale.ts";

// Always China's time zone: the server and the browser must print the same date, or hydration
// fails, and every village and member on the platform lives in this zone.
const TIME_ZONE = "Asia/Shanghai";

/** "2025年3月1日" / "Mar 1, 2025"; an empty string for a missing or unreadable date. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: TIME_ZONE }).format(date);
}

/** "2025年3月2日 00:30" / "Mar 2, 2025, 00:30" in China's time zone; empty for a missing or unreadable date. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).format(date);
}
