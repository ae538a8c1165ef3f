import Medusa from "@medusajs/js-sdk";
import { createPublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";

import { env } from "../env.server";
import { createBackendCaller } from "./backend.server";
import { createCooperativeApi } from "./cooperative-api.server";
import { createOrdersApi } from "./orders-api.server";
import { createPortalApi } from "./portal-api.server";
import { createStoreCaller } from "./store-api.server";
import { createStoreAreas } from "./store-areas.server";

// The portal's connections to the Medusa backend at MEDUSA_BACKEND_URL. Shared by every request, so
// none of them stores a token: the member's comes from their session with each call.

export const medusa = new Medusa({
  baseUrl: env.MEDUSA_BACKEND_URL,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});

const callBackend = createBackendCaller({ backendUrl: env.MEDUSA_BACKEND_URL });

/** Member accounts and the village screens: `/auth/member/*` and `/portal/*`. */
export const portalApi = createPortalApi(callBackend);

const publishableKeys = createPublishableKeySource({
  backendUrl: env.MEDUSA_BACKEND_URL,
  configuredKey: env.MEDUSA_PUBLISHABLE_KEY,
});

/** Admin areas for the village drill-down: `/store/areas`, with the publishable key. */
export const storeAreas = createStoreAreas({ callBackend, publishableKeys });

/** Cooperatives, produce, photos and certificates: `/portal/cooperatives/*`, `/portal/media/photos`, `/store/certificates`. */
export const cooperativeApi = createCooperativeApi({
  callBackend,
  callStore: createStoreCaller({ callBackend, publishableKeys }),
});

/** Cooperative orders, packing lists, payouts, pickup points and delivery fees: `/portal/cooperatives/:id/…`. */
export const ordersApi = createOrdersApi(callBackend);
