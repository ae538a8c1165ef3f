import type { ProduceUnit } from "@tianyuan/web-common/produce.ts";

/** A price as Medusa 2 stores it: in major units (yuan), so 12.5 is ¥12.50. */
export type ProducePrice = {
  amount: number;
  currencyCode: string;
  /** True when variants cost different amounts, so `amount` is the lowest ("from ¥x"). */
  varies: boolean;
};

/** What a produce card shows, and nothing more: this travels to the browser. */
export type ProduceSummary = {
  id: string;
  title: string;
  handle: string;
  thumbnail: string | null;
  price: ProducePrice | null;
  /** The photo's webp widths and first-paint colour, when the marketplace's answer carries them. */
  photo?: { srcSet: string; background: string } | null;
  /** What the price is per (斤, 箱…), when known; Medusa's product list does not say. */
  unit?: ProduceUnit | null;
};
