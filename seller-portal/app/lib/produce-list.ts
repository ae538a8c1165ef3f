import type { ThumbnailData } from "@tianyuan/web-common/photos.ts";
import type { ProduceUnit } from "@tianyuan/web-common/produce.ts";

/** One row of "My produce", and nothing more: this travels to the browser. */
export type ProduceRow = {
  id: string;
  handle: string;
  title: string;
  archived: boolean;
  published: boolean;
  farmerName: string;
  unit: ProduceUnit;
  thumbnail: ThumbnailData | null;
  variants: { id: string; title: string; price: number | null; priceText: string; stock: number }[];
};

/** A variant's price and stock fields on the list: `price.<variant id>`, `stock.<variant id>`. */
export const variantFieldName = (field: "price" | "stock", variantId: string) => `${field}.${variantId}`;

/** Changes whenever a saved price or stock does, so the row's form starts again from the saved values. */
export function rowVersion(row: Pick<ProduceRow, "variants">): string {
  return row.variants.map((variant) => `${variant.id}:${variant.priceText}:${variant.stock}`).join("|");
}
