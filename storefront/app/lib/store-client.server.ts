import Medusa, { FetchError } from "@medusajs/js-sdk";
import { BackendUnavailableError, type PublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";

export type StoreClients = {
  /** A Medusa client for `/store/*` routes, carrying the storefront's publishable key. */
  getStoreClient(): Promise<Medusa>;
  /**
   * Runs one piece of store work and turns "the backend can't serve us now" into
   * BackendUnavailableError, so pages can answer 503 instead of crashing.
   */
  withStoreClient<T>(work: (sdk: Medusa) => Promise<T>): Promise<T>;
};

export function createStoreClients({
  backendUrl,
  publishableKeys,
}: {
  backendUrl: string;
  publishableKeys: PublishableKeySource;
}): StoreClients {
  let current: { key: string; sdk: Medusa } | undefined;

  async function getStoreClient() {
    const key = await publishableKeys.get();
    if (current?.key !== key) {
      current = {
        key,
        sdk: new Medusa({
          baseUrl: backendUrl,
          publishableKey: key,
          // One client serves every buyer, so it must never remember anyone's token.
          auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
        }),
      };
    }
    return current.sdk;
  }

  async function withStoreClient<T>(work: (sdk: Medusa) => Promise<T>): Promise<T> {
    const sdk = await getStoreClient();
    try {
      return await work(sdk);
    } catch (error) {
      if (isRejectedPublishableKey(error)) {
        // The backend's key changed (a fresh database, say): fetch the new one next time.
        publishableKeys.forget();
        throw new BackendUnavailableError("The backend rejected the publishable key", { cause: error });
      }
      if (isBackendDown(error)) {
        throw new BackendUnavailableError("The backend is not answering", { cause: error });
      }
      throw error;
    }
  }

  return { getStoreClient, withStoreClient };
}

function isRejectedPublishableKey(error: unknown): boolean {
  return (
    error instanceof FetchError &&
    (error.status === 400 || error.status === 401) &&
    /publishable (api )?key/i.test(error.message)
  );
}

function isBackendDown(error: unknown): boolean {
  if (error instanceof FetchError) {
    return error.status === 502 || error.status === 503 || error.status === 504;
  }
  // Node's fetch rejects with `TypeError: fetch failed` when the connection is refused or reset.
  return error instanceof TypeError && error.message === "fetch failed";
}
