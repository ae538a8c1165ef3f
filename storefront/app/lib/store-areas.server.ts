import type { AreaSummary, AreaWithChildren } from "@tianyuan/web-common/admin-areas.ts";
import { areaResponseSchema, provincesResponseSchema } from "@tianyuan/web-common/admin-areas.server.ts";
import type { Locale } from "@tianyuan/web-common/locale.ts";

import { withStoreClient } from "./medusa.server";
import { storeGet } from "./store-fetch.server";
import { publicVillageResponseSchema, type PublicVillage } from "./village-page.server";

// The store API of docs/api/villages-and-members.md, asked in the reader's language so any message
// the backend writes is in it too.

export async function listProvinces(locale: Locale): Promise<AreaSummary[]> {
  const body = await withStoreClient((sdk) =>
    sdk.client.fetch<unknown>("/store/areas", { headers: { "x-tianyuan-locale": locale } }),
  );
  return provincesResponseSchema.parse(body).areas;
}

/** An area with its parents and the next level down; null for a malformed (400) or unknown (404) code. */
export async function findArea(code: string, locale: Locale): Promise<AreaWithChildren | null> {
  const body = await storeGet(`/store/areas/${encodeURIComponent(code)}`, locale);
  return body === null ? null : areaResponseSchema.parse(body);
}

/** An active village's public page; null when it is unknown or not open (404). */
export async function findPublicVillage(handle: string, locale: Locale): Promise<PublicVillage | null> {
  const body = await storeGet(`/store/villages/${encodeURIComponent(handle)}`, locale);
  return body === null ? null : publicVillageResponseSchema.parse(body).village;
}
