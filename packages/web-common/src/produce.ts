import type { StoredPhoto } from "./photos.ts";

// The marketplace's produce (docs/api/produce.md) as both apps show it: units, weights, pre-order
// windows. No zod here: pages use these in the browser too; answers are checked in produce.server.ts.

/** 斤 (500 g), kg, 箱 (box), 件 (piece); a box's or piece's weight is `net_weight_grams`. */
export const produceUnits = ["jin", "kg", "box", "piece"] as const;
export type ProduceUnit = (typeof produceUnits)[number];

export function isProduceUnit(value: unknown): value is ProduceUnit {
  return typeof value === "string" && (produceUnits as readonly string[]).includes(value);
}

/** Units sold by count, whose weight is worth saying ("每箱 5 公斤"). */
export function isCountedUnit(unit: ProduceUnit): boolean {
  return unit === "box" || unit === "piece";
}

export const storageKinds = ["ambient", "chilled"] as const;
export type StorageKind = (typeof storageKinds)[number];

/** A weight ready for `weights.grams` / `weights.kilograms`: grams below a kilogram, else kilograms. */
export type WeightText = { key: "grams" | "kilograms"; value: string };

const GRAMS_PER_KILOGRAM = 1000;

/** 500 → "500 g"; 2500 → "2.5 kg"; 1234 → "1.23 kg" (at most two decimals, no trailing zeros). */
export function describeWeight(grams: number): WeightText {
  if (grams < GRAMS_PER_KILOGRAM) return { key: "grams", value: String(Math.round(grams)) };
  const kilograms = Math.round((grams / GRAMS_PER_KILOGRAM) * 100) / 100;
  return { key: "kilograms", value: String(kilograms) };
}

/** Where a pre-order window stands: not open yet, taking orders, or over. Null without a window. */
export type PreorderState = "upcoming" | "open" | "closed";

export function preorderState(
  opensAt: string | null | undefined,
  closesAt: string | null | undefined,
  now: Date,
): PreorderState | null {
  if (!opensAt || !closesAt) return null;
  const opens = Date.parse(opensAt);
  const closes = Date.parse(closesAt);
  if (Number.isNaN(opens) || Number.isNaN(closes)) return null;
  const time = now.getTime();
  if (time < opens) return "upcoming";
  if (time < closes) return "open";
  return "closed";
}

/** The text in the reader's language when the farmer wrote one, else the Chinese original. */
export function inLanguage(chinese: string, english: string | null | undefined, locale: string): string {
  return locale === "en" && english?.trim() ? english : chinese;
}

/** One size or grade of a produce, with its yuan price (null when it has none) and what is left to sell. */
export type ProduceVariant = { id: string; title: string; price: number | null; stock: number };

/** Where the produce grew, as the store describes it: the areas from the province down. */
export type ProduceOrigin = {
  area_code: string;
  areas: { code: string; name: string; level: string }[];
  /** Set when the area is a village open on the platform, with its public page. */
  village: { handle: string; name: string } | null;
};

/** The contract's `Produce`, as both apps read it; dates are ISO strings or null. */
export type Produce = {
  id: string;
  handle: string;
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  status: string;
  archived: boolean;
  thumbnail: string | null;
  unit: ProduceUnit;
  net_weight_grams: number | null;
  grade: string | null;
  variety: string | null;
  harvest_date: string | null;
  preorder_opens_at: string | null;
  preorder_closes_at: string | null;
  ships_from: string | null;
  origin_area_code: string | null;
  storage: StorageKind;
  certifications: string[];
  story: string;
  photos: StoredPhoto[];
  farmer: { id: string; real_name: string };
  cooperative: { id: string; name: string; handle: string | null; village_code: string | null };
  certificates: { id: string; issued_on: string }[];
  variants: ProduceVariant[];
  created_at: string;
};
