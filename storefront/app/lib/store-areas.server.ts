import { FetchError } from "@medusajs/js-sdk";
import type { AreaSummary, AreaWithChildren } from "@tianyuan/web-common/admin-areas.ts";
import { areaResponseSchema, provincesResponseSchema } from "@tianyuan/web-common/admin-areas.server.ts";
import type { Locale } from "@tianyuan/web-common/locale.ts";

import { withStoreClient } from "./medusa.server";
import { publicVillageResponseSchema, type PublicVillage } from "./village-page.server";

// The store API of docs/api/villages-and-members.md, asked in the reader's language so any message
// the backend writes is in it too.

export async function listProvinces(locale: Locale): Promise<AreaSummary[]> {
  const body = await withStoreClient((sdk) => sdk.client.fetch<unknown>("/store/areas", localeHeader(locale)));
  return provincesResponseSchema.parse(body).areas;
}

/** An area with its parents and the next level down; null for a malformed (400) or unknown (404) code. */
export async function findArea(code: string, locale: Locale): Promise<AreaWithChildren | null> {
  const body = await orNullWhenMissing(
    withStoreClient((sdk) =>
      sdk.client.fetch<unknown>(`/store/areas/${encodeURIComponent(code)}`, localeHeader(locale)),
    ),
  );
  return body === null ? null : areaResponseSchema.parse(body);
}

/** An active village's public page; null when it is unknown or not open (404). */
export async function findPublicVillage(handle: string, locale: Locale): Promise<PublicVillage | null> {
  const body = await orNullWhenMissing(
    withStoreClient((sdk) =>
      sdk.client.fetch<unknown>(`/store/villages/${encodeURIComponent(handle)}`, localeHeader(locale)),
    ),
  );
  return body === null ? null : publicVillageResponseSchema.parse(body).village;
}

function localeHeader(locale: Locale) {
  return { headers: { "x-tianyuan-locale": locale } };
}

async function orNullWhenMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof FetchError && (error.status === 400 || error.status === 404)) return null;
    throw error;
  }
}
