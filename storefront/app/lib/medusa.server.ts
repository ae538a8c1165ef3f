import { createPublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";

import { env } from "../env.server";
import { createStoreClients } from "./store-client.server";

export { BackendUnavailableError } from "@tianyuan/web-common/publishable-key.server.ts";

/** The storefront's one connection to the Medusa backend at MEDUSA_BACKEND_URL. */
export const { getStoreClient, withStoreClient } = createStoreClients({
  backendUrl: env.MEDUSA_BACKEND_URL,
  publishableKeys: createPublishableKeySource({
    backendUrl: env.MEDUSA_BACKEND_URL,
    configuredKey: env.MEDUSA_PUBLISHABLE_KEY,
  }),
});
