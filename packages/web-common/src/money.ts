import type { Locale } from "./locale.ts";

/**
 * Formats an amount in yuan. Medusa 2 stores amounts in major units, so 12.5 is ¥12.50.
 * Both locales show the ¥ sign: "¥12.50" in zh-CN, "CN¥12.50" in en.
 */
export function formatCny(amount: number, locale: Locale): string {
  return formatMoney(amount, "CNY", locale);
}

export function formatMoney(amount: number, currencyCode: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount);
}

const FEN_PER_YUAN = 100;

/**
 * Formats an amount in fen (our routes' integer minor units, `*_fen`): 1250 is ¥12.50. Integer
 * arithmetic stays in fen; only the display divides.
 */
export function formatFen(fen: number, locale: Locale): string {
  return formatCny(fen / FEN_PER_YUAN, locale);
}
