import type { Locale } from "@tianyuan/web-common/locale.ts";
import { isoDateSchema, photoSchema, produceSchema } from "@tianyuan/web-common/produce.server.ts";
import { z } from "zod";

import type { CallBackend } from "./backend.server";
import {
  actingRoles,
  type Certificate,
  type CooperativeStanding,
  type Produce,
  type UploadedPhoto,
} from "./cooperative-produce";
import type { MemberAccess } from "./portal-api.server";
import type { CallStore } from "./store-api.server";

/** A field the backend may leave out or send as null: null either way. */
const orNull = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | null => value ?? null);

const farmerSchema = z.object({ id: z.string(), real_name: z.string().nullish().transform((name) => name ?? "") });

const standingSchema = z.object({
  cooperative: z.object({
    id: z.string(),
    name: z.string(),
    handle: orNull(z.string()),
    status: z
      .string()
      .nullish()
      .transform((status) => status ?? "active"),
  }),
  acting_as: z.enum(actingRoles),
  farmers: z.array(farmerSchema),
}) satisfies z.ZodType<CooperativeStanding>;

const produceAnswerSchema = z.object({ produce: produceSchema });

/** `origin` is the area code, or (as the store describes it) the areas from province down. */
const originSchema = z.union([
  z.string().transform((code) => ({ names: [] as string[], code })),
  z
    .object({ area_code: z.string(), areas: z.array(z.object({ code: z.string(), name: z.string() })) })
    .transform((origin) => ({
      names: [...origin.areas].sort((a, b) => a.code.length - b.code.length).map((area) => area.name),
      code: origin.area_code,
    })),
]);

const publicCertificateSchema = z.object({
  certificate: z.object({
    id: z.string(),
    product_name: z.string(),
    quantity: z.string(),
    producer_name: z.string(),
    origin: originSchema,
    contact: z
      .string()
      .nullish()
      .transform((contact) => contact ?? ""),
    issued_on: isoDateSchema,
    commitment: z.string(),
  }),
});

/** "陕西省延安市洛川县凤栖镇桐堤村" in Chinese; the names spaced out in English. */
export function originText(origin: { names: string[]; code: string }, locale: Locale): string {
  if (origin.names.length === 0) return origin.code;
  return origin.names.join(locale === "en" ? " " : "");
}

/** What the farmer's produce form sends (docs/api/produce.md, `POST …/produce`). */
export type NewProduce = {
  title: string;
  unit: Produce["unit"];
  /** A product category's handle. */
  category?: string;
  net_weight_grams?: number;
  grade?: string;
  variety?: string;
  harvest_date?: string;
  farmer_member_id?: string;
  storage: Produce["storage"];
  story?: string;
  photo_ids: string[];
  variants: { title: string; price: string; stock: number }[];
};

export type VariantChange = { id: string; price: string; stock: number };

/** A product category a farmer can put produce in (水果, 粮油…): its handle and its names. */
export type ProduceCategoryOption = { handle: string; name: string; name_en: string | null };

const categoriesSchema = z.object({
  product_categories: z.array(
    z.object({
      handle: z.string(),
      name: z.string(),
      rank: z.number().nullish(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
    }),
  ),
});

/** The marketplace plugin's cooperative and produce routes and the media plugin's upload, as the portal calls them. */
export function createCooperativeApi({ callBackend, callStore }: { callBackend: CallBackend; callStore: CallStore }) {
  const portal = (
    path: string,
    access: MemberAccess,
    init: { method?: "POST" | "PATCH"; body?: unknown } = {},
  ) => callBackend(path, { ...init, token: access.token, locale: access.locale });
  const cooperative = (id: string) => `/portal/cooperatives/${encodeURIComponent(id)}`;
  const produce = (id: string, productId: string) => `${cooperative(id)}/produce/${encodeURIComponent(productId)}`;

  return {
    async getStanding(access: MemberAccess, cooperativeId: string): Promise<CooperativeStanding> {
      return standingSchema.parse(await portal(cooperative(cooperativeId), access));
    },

    /** A farmer's own produce; a manager's or agent's, all of the cooperative's. */
    async listProduce(access: MemberAccess, cooperativeId: string): Promise<Produce[]> {
      const answer = await portal(`${cooperative(cooperativeId)}/produce`, access);
      return z.object({ produce: z.array(produceSchema) }).parse(answer).produce;
    },

    async getProduce(access: MemberAccess, cooperativeId: string, productId: string): Promise<Produce> {
      return produceAnswerSchema.parse(await portal(produce(cooperativeId, productId), access)).produce;
    },

    async createProduce(access: MemberAccess, cooperativeId: string, body: NewProduce): Promise<Produce> {
      const answer = await portal(`${cooperative(cooperativeId)}/produce`, access, { method: "POST", body });
      return produceAnswerSchema.parse(answer).produce;
    },

    /** The one-tap edit: every variant's price and stock at once. */
    async changeVariants(
      access: MemberAccess,
      cooperativeId: string,
      productId: string,
      variants: VariantChange[],
    ): Promise<Produce> {
      const answer = await portal(produce(cooperativeId, productId), access, { method: "PATCH", body: { variants } });
      return produceAnswerSchema.parse(answer).produce;
    },

    async archiveProduce(access: MemberAccess, cooperativeId: string, productId: string): Promise<Produce> {
      const answer = await portal(`${produce(cooperativeId, productId)}/archive`, access, { method: "POST", body: {} });
      return produceAnswerSchema.parse(answer).produce;
    },

    async issueCertificate(
      access: MemberAccess,
      cooperativeId: string,
      productId: string,
      quantity: string,
    ): Promise<{ id: string }> {
      const answer = await portal(`${produce(cooperativeId, productId)}/certificates`, access, {
        method: "POST",
        body: { quantity },
      });
      return z.object({ certificate: z.object({ id: z.string() }) }).parse(answer).certificate;
    },

    /**
     * Photos to the media pipeline: a form the portal built from files it received, or the browser's
     * own multipart body streamed through untouched.
     */
    async uploadPhotos(
      access: MemberAccess,
      upload: { body: FormData } | { body: ReadableStream<Uint8Array>; contentType: string },
    ): Promise<UploadedPhoto[]> {
      const answer = await callBackend("/portal/media/photos", {
        method: "POST",
        upload,
        token: access.token,
        locale: access.locale,
      });
      return z.object({ photos: z.array(photoSchema) }).parse(answer).photos;
    },

    /** The store's product categories, in the operators' order, for the listing form's choice. */
    async listProduceCategories(locale: Locale): Promise<ProduceCategoryOption[]> {
      const { product_categories } = categoriesSchema.parse(await callStore("/store/product-categories?limit=100", locale));
      return [...product_categories]
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
        .map((category) => ({
          handle: category.handle,
          name: category.name,
          name_en: typeof category.metadata?.name_en === "string" ? category.metadata.name_en : null,
        }));
    },

    /** The public certificate (the page its QR code opens), with the origin's area names. */
    async findCertificate(certificateId: string, locale: Locale): Promise<Certificate> {
      const answer = await callStore(`/store/certificates/${encodeURIComponent(certificateId)}`, locale);
      const { certificate } = publicCertificateSchema.parse(answer);
      return { ...certificate, origin: originText(certificate.origin, locale) };
    },
  };
}

export type CooperativeApi = ReturnType<typeof createCooperativeApi>;
