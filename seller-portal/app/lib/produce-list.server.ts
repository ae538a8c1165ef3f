import { toThumbnailData } from "@tianyuan/web-common/photos.ts";

import type { Produce } from "./cooperative-produce";
import type { ProduceRow } from "./produce-list";

/** The list row's thumbnail is shown about 80 px wide: the 320 px variant is sharp on any phone. */
const THUMBNAIL_WIDTH = 320;

/** A price as the edit field shows it: "12.50", or empty when the variant has none yet. */
export function priceText(price: number | null): string {
  return price === null ? "" : price.toFixed(2);
}

export function toProduceRow(produce: Produce): ProduceRow {
  const [cover] = produce.photos;
  return {
    id: produce.id,
    handle: produce.handle,
    title: produce.title,
    archived: produce.archived,
    published: produce.status === "published",
    farmerName: produce.farmer.real_name,
    unit: produce.unit,
    thumbnail: cover ? toThumbnailData(cover, THUMBNAIL_WIDTH) : null,
    variants: produce.variants.map((variant) => ({
      id: variant.id,
      title: variant.title,
      price: variant.price,
      priceText: priceText(variant.price),
      stock: variant.stock,
    })),
  };
}
