import { BackendUnavailableError } from "@tianyuan/web-common/publishable-key.server.ts";

/**
 * Loaders of pages that cannot show anything without the backend: a down backend becomes a 503 that
 * the root error page explains ("unavailable"), a missing thing a 404; anything else stays a bug.
 */
export async function loadStorePage<T>(page: string, load: () => Promise<T | null>): Promise<T> {
  let found: T | null;
  try {
    found = await load();
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    console.warn(`[storefront] ${page}: ${error.message}`);
    throw new Response("Service Unavailable", { status: 503, headers: { "Retry-After": "30" } });
  }
  if (found === null) throw new Response("Not Found", { status: 404 });
  return found;
}

/**
 * Work of a cart, checkout or account page or action: a down backend becomes the 503 the root error
 * page explains; anything else goes on.
 */
export async function withBackend<T>(page: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    console.warn(`[storefront] ${page}: ${error.message}`);
    throw new Response("Service Unavailable", { status: 503, headers: { "Retry-After": "30" } });
  }
}
