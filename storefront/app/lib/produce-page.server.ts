import { parentTrail } from "@tianyuan/web-common/admin-areas.ts";
import type { Locale } from "@tianyuan/web-common/locale.ts";
import {
  fallbackVariant,
  placeholderBackground,
  toPictureData,
  webpAtLeast,
  webpSrcSet,
  webpVariants,
} from "@tianyuan/web-common/photos.ts";
import {
  describeWeight,
  inLanguage,
  isCountedUnit,
  preorderState,
  type Produce,
  type ProduceOrigin,
} from "@tianyuan/web-common/produce.ts";
import { isoDateSchema, produceOriginSchema, produceSchema } from "@tianyuan/web-common/produce.server.ts";
import { z } from "zod";

import type { ProduceSummary } from "./produce";
import type { CertificatePage, CooperativePage, OriginTrail, ProducePage } from "./produce-page";
import { storeGet } from "./store-fetch.server";
import { introductionParagraphs } from "./village-page.server";

// The marketplace's store routes (docs/api/produce.md): one produce, a cooperative with its produce,
// a certificate. Checked against the contract, then shaped into what each page shows.

const storeProduceSchema = z.object({ produce: produceSchema.extend({ origin: produceOriginSchema }) });
export type StoreProduce = z.infer<typeof storeProduceSchema>["produce"];

const storeCooperativeSchema = z.object({
  cooperative: z.object({
    id: z.string(),
    name: z.string(),
    handle: z.string(),
    description: z
      .string()
      .nullish()
      .transform((text) => text ?? ""),
    contact_name: z
      .string()
      .nullish()
      .transform((name) => name || null),
    origin: produceOriginSchema,
  }),
  produce: z.array(produceSchema),
});
export type StoreCooperative = z.infer<typeof storeCooperativeSchema>;

const storeCertificateSchema = z.object({
  certificate: z.object({
    id: z.string(),
    product_name: z.string(),
    quantity: z.string(),
    producer_name: z.string(),
    // The area code, or the store's description of it (areas and village).
    origin: z.union([z.string(), produceOriginSchema]),
    contact: z
      .string()
      .nullish()
      .transform((contact) => contact ?? ""),
    issued_on: isoDateSchema,
    commitment: z.string(),
    produce: z
      .object({ handle: z.string(), title: z.string() })
      .nullish()
      .transform((produce) => produce ?? null),
  }),
});
export type StoreCertificate = z.infer<typeof storeCertificateSchema>["certificate"];

/** `GET /store/produce/:handle`; null for archived, unpublished or unknown produce (404). */
export async function findProduce(handle: string, locale: Locale): Promise<StoreProduce | null> {
  const body = await storeGet(`/store/produce/${encodeURIComponent(handle)}`, locale);
  return body === null ? null : storeProduceSchema.parse(body).produce;
}

/** `GET /store/cooperatives/:handle`; null for an unknown or inactive cooperative. */
export async function findCooperative(handle: string, locale: Locale): Promise<StoreCooperative | null> {
  const body = await storeGet(`/store/cooperatives/${encodeURIComponent(handle)}`, locale);
  return body === null ? null : storeCooperativeSchema.parse(body);
}

/** `GET /store/certificates/:id`; null for an unknown certificate. */
export async function findCertificate(id: string, locale: Locale): Promise<StoreCertificate | null> {
  const body = await storeGet(`/store/certificates/${encodeURIComponent(id)}`, locale);
  return body === null ? null : storeCertificateSchema.parse(body).certificate;
}

export function toOriginTrail(origin: ProduceOrigin): OriginTrail {
  const trail = parentTrail(origin.areas.map(({ code, name, level }) => ({ code, name, level: areaLevel(level) })));
  return {
    trail,
    village: origin.village ? { code: origin.area_code, handle: origin.village.handle } : null,
  };
}

function areaLevel(level: string) {
  return (["province", "city", "county", "town", "village"] as const).find((known) => known === level) ?? "village";
}

/** "陕西省延安市洛川县…" in Chinese, the names spaced out in English; the code when no names are known. */
export function originText(origin: string | ProduceOrigin, locale: Locale): string {
  if (typeof origin === "string") return origin;
  const names = [...origin.areas].sort((a, b) => a.code.length - b.code.length).map((area) => area.name);
  return names.length === 0 ? origin.area_code : names.join(locale === "en" ? " " : "");
}

export function toProducePage(produce: StoreProduce, locale: Locale, now: Date): ProducePage {
  const state = preorderState(produce.preorder_opens_at, produce.preorder_closes_at, now);
  return {
    handle: produce.handle,
    title: inLanguage(produce.title, produce.title_en, locale),
    paragraphs: introductionParagraphs(inLanguage(produce.description, produce.description_en, locale)),
    photos: produce.photos.flatMap((photo) => {
      const picture = toPictureData(photo);
      const largest = webpVariants(photo).pop() ?? fallbackVariant(photo);
      return picture && largest ? [{ ...picture, largestUrl: largest.url }] : [];
    }),
    unit: produce.unit,
    netWeight:
      isCountedUnit(produce.unit) && produce.net_weight_grams ? describeWeight(produce.net_weight_grams) : null,
    grade: produce.grade?.trim() || null,
    variety: produce.variety?.trim() || null,
    harvestDate: produce.harvest_date,
    preorder:
      state && produce.preorder_opens_at && produce.preorder_closes_at
        ? { state, opensAt: produce.preorder_opens_at, closesAt: produce.preorder_closes_at }
        : null,
    shipsFrom: produce.ships_from,
    storage: produce.storage,
    certifications: produce.certifications.map((name) => name.trim()).filter(Boolean),
    story: introductionParagraphs(produce.story),
    variants: produce.variants.map(({ id, title, price, stock }) => ({ id, title, price, stock })),
    showVariantTitles: produce.variants.length > 1,
    origin: toOriginTrail(produce.origin),
    cooperative: { name: produce.cooperative.name, handle: produce.cooperative.handle },
    farmerName: produce.farmer.real_name,
    certificates: [...produce.certificates]
      .sort((a, b) => b.issued_on.localeCompare(a.issued_on))
      .map((certificate) => ({ id: certificate.id, issuedOn: certificate.issued_on })),
  };
}

/** A card like the home page's, with the photo's webp widths and the unit the price is for. */
export function toProduceCard(produce: Produce, locale: Locale): ProduceSummary {
  const [cover] = produce.photos;
  const prices = produce.variants.flatMap((variant) => (variant.price === null ? [] : [variant.price]));
  const lowest = prices.length > 0 ? Math.min(...prices) : null;
  return {
    id: produce.id,
    title: inLanguage(produce.title, produce.title_en, locale),
    handle: produce.handle,
    thumbnail: cover ? ((webpAtLeast(cover, 640) ?? fallbackVariant(cover))?.url ?? null) : produce.thumbnail,
    price:
      lowest === null
        ? null
        : { amount: lowest, currencyCode: "cny", varies: prices.some((price) => price !== lowest) },
    photo: cover ? { srcSet: webpSrcSet(cover), background: placeholderBackground(cover) } : null,
    unit: produce.unit,
  };
}

export function toCooperativePage(answer: StoreCooperative, locale: Locale): CooperativePage {
  return {
    name: answer.cooperative.name,
    paragraphs: introductionParagraphs(answer.cooperative.description),
    contactName: answer.cooperative.contact_name,
    origin: toOriginTrail(answer.cooperative.origin),
    produce: answer.produce.map((produce) => toProduceCard(produce, locale)),
  };
}

export function toCertificatePage(certificate: StoreCertificate, locale: Locale): CertificatePage {
  return {
    productName: certificate.product_name,
    quantity: certificate.quantity,
    producerName: certificate.producer_name,
    origin: originText(certificate.origin, locale),
    originVillage: typeof certificate.origin === "string" ? null : certificate.origin.village,
    contact: certificate.contact,
    issuedOn: certificate.issued_on,
    commitment: certificate.commitment,
    produce: certificate.produce,
  };
}
