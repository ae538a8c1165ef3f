import type { AreaCrumb } from "@tianyuan/web-common/admin-areas.ts";
import type { PictureData } from "@tianyuan/web-common/photos.ts";
import type { PreorderState, ProduceUnit, StorageKind, WeightText } from "@tianyuan/web-common/produce.ts";

import type { ProduceSummary } from "./produce";

// What the produce, cooperative and certificate pages show, and nothing more: this travels to the
// browser. Shaped from the store's answers in produce-page.server.ts.

/**
 * The produce photo's width on screen: the whole phone, or the left column of a wide screen. The
 * preload in the page's head must say exactly the same, or the browser fetches the photo twice.
 */
export const PRODUCE_PHOTO_SIZES = "(min-width: 960px) 560px, 100vw";

/** The other photos: four small thumbnails across, under the cover. */
export const THUMBNAIL_PHOTO_SIZES = "(min-width: 960px) 130px, 25vw";

/** Produce cards: two across a phone, three from 640px, four from 960px. */
export const CARD_PHOTO_SIZES = "(min-width: 960px) 25vw, (min-width: 640px) 33vw, 50vw";

/** The origin breadcrumb: province → village; the village links to its page when it is open. */
export type OriginTrail = { trail: AreaCrumb[]; village: { code: string; handle: string } | null };

export type ProducePage = {
  handle: string;
  title: string;
  paragraphs: string[];
  /** `largestUrl`: the widest webp, which a thumbnail opens. */
  photos: (PictureData & { largestUrl: string })[];
  unit: ProduceUnit;
  /** A box's or piece's weight; null for produce sold by weight. */
  netWeight: WeightText | null;
  grade: string | null;
  variety: string | null;
  harvestDate: string | null;
  preorder: { state: PreorderState; opensAt: string; closesAt: string } | null;
  shipsFrom: string | null;
  storage: StorageKind;
  certifications: string[];
  story: string[];
  variants: { id: string; title: string; price: number | null; stock: number }[];
  /** Titles only mean something when there is more than one size or grade to choose from. */
  showVariantTitles: boolean;
  origin: OriginTrail;
  cooperative: { name: string; handle: string | null };
  farmerName: string;
  certificates: { id: string; issuedOn: string }[];
};

export type CooperativePage = {
  name: string;
  paragraphs: string[];
  contactName: string | null;
  origin: OriginTrail;
  produce: ProduceSummary[];
};

export type CertificatePage = {
  productName: string;
  quantity: string;
  producerName: string;
  /** "陕西省延安市洛川县…" (or the area code when the areas are unknown). */
  origin: string;
  originVillage: { handle: string; name: string } | null;
  contact: string;
  issuedOn: string;
  commitment: string;
  produce: { handle: string; title: string } | null;
};

/** Where a crumb of an origin trail links: the open village to its page, the others to their area. */
export function originHref(origin: OriginTrail, code: string): string {
  return origin.village?.code === code ? `/villages/${encodeURIComponent(origin.village.handle)}` : `/areas/${code}`;
}
