import { createPublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";

import { env } from "../env.server";
import { createStoreCaller } from "./store-api.server";
import { createStoreClients } from "./store-client.server";

export { BackendUnavailableError } from "@tianyuan/web-common/publishable-key.server.ts";

const publishableKeys = createPublishableKeySource({
  backendUrl: env.MEDUSA_BACKEND_URL,
  configuredKey: env.MEDUSA_PUBLISHABLE_KEY,
});

/** The storefront's one connection to the Medusa backend at MEDUSA_BACKEND_URL. */
export const { getStoreClient, withStoreClient } = createStoreClients({
  backendUrl: env.MEDUSA_BACKEND_URL,
  publishableKeys,
});

/** Cart, checkout and customer calls, which need the backend's error codes and the buyer's token. */
export const callStore = createStoreCaller({ backendUrl: env.MEDUSA_BACKEND_URL, publishableKeys });
