import type { Locale } from "@tianyuan/web-common/locale.ts";
import { BackendUnavailableError, type PublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";

import { isBackendError, type CallBackend } from "./backend.server";

export type CallStore = (path: string, locale: Locale) => Promise<unknown>;

/**
 * Calls a public `/store/*` route with the publishable key. No key to be had, or a key the backend
 * no longer accepts, is a 503 for the page (the key is asked for again next time).
 */
export function createStoreCaller({
  callBackend,
  publishableKeys,
}: {
  callBackend: CallBackend;
  publishableKeys: PublishableKeySource;
}): CallStore {
  return async function callStore(path, locale) {
    let publishableKey: string;
    try {
      publishableKey = await publishableKeys.get();
    } catch (error) {
      if (!(error instanceof BackendUnavailableError)) throw error;
      console.warn(`[seller-portal] ${path}: ${error.message}`);
      throw new Response("Service Unavailable", { status: 503, headers: { "Retry-After": "30" } });
    }
    try {
      return await callBackend(path, { publishableKey, locale });
    } catch (error) {
      if (
        isBackendError(error) &&
        (error.status === 400 || error.status === 401) &&
        /publishable/i.test(error.message)
      ) {
        // The backend's key changed (a fresh database, say): ask for the new one next time.
        publishableKeys.forget();
        throw new Response("Service Unavailable", { status: 503, headers: { "Retry-After": "5" } });
      }
      throw error;
    }
  };
}
