import type { AreaSummary, AreaWithChildren } from "@tianyuan/web-common/admin-areas.ts";
import { areaResponseSchema, provincesResponseSchema } from "@tianyuan/web-common/admin-areas.server.ts";
import type { Locale } from "@tianyuan/web-common/locale.ts";
import type { PublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";

import { isBackendError, type CallBackend } from "./backend.server";
import { createStoreCaller } from "./store-api.server";

/** The public `/store/areas` routes, for drilling down to a village. They need the publishable key. */
export function createStoreAreas({
  callBackend,
  publishableKeys,
}: {
  callBackend: CallBackend;
  publishableKeys: PublishableKeySource;
}) {
  const callStore = createStoreCaller({ callBackend, publishableKeys });

  return {
    async listProvinces(locale: Locale): Promise<AreaSummary[]> {
      return provincesResponseSchema.parse(await callStore("/store/areas", locale)).areas;
    },

    /** An area with its parents and next level; null for a malformed (400) or unknown (404) code. */
    async findArea(code: string, locale: Locale): Promise<AreaWithChildren | null> {
      try {
        return areaResponseSchema.parse(await callStore(`/store/areas/${encodeURIComponent(code)}`, locale));
      } catch (error) {
        if (isBackendError(error, 400) || isBackendError(error, 404)) return null;
        throw error;
      }
    },
  };
}

export type StoreAreas = ReturnType<typeof createStoreAreas>;
