import { FetchError } from "@medusajs/js-sdk";
import type { Locale } from "@tianyuan/web-common/locale.ts";

import { withStoreClient } from "./medusa.server";

/**
 * GETs a store route in the reader's language (so any message the backend writes is in it too).
 * Null when the thing is unknown or malformed (404, 400); a down backend throws BackendUnavailableError.
 */
export async function storeGet(path: string, locale: Locale): Promise<unknown | null> {
  try {
    return await withStoreClient((sdk) =>
      sdk.client.fetch<unknown>(path, { headers: { "x-tianyuan-locale": locale } }),
    );
  } catch (error) {
    if (error instanceof FetchError && (error.status === 400 || error.status === 404)) return null;
    throw error;
  }
}
