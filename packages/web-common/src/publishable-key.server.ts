import { z } from "zod";

const STOREFRONT_CONFIG_PATH = "/public/storefront-config";
const REQUEST_TIMEOUT_MS = 5_000;

const storefrontConfigSchema = z.object({
  publishable_key: z.string().startsWith("pk_"),
});

/** The backend could not serve the storefront right now: not running yet, restarting, or overloaded. */
export class BackendUnavailableError extends Error {
  override name = "BackendUnavailableError";
}

export type PublishableKeySource = {
  /** The key to use now, asking the backend for it when none is known yet. */
  get(): Promise<string>;
  /** Drop a key the backend has rejected, so the next request asks again. A configured key is kept. */
  forget(): void;
};

/**
 * The publishable key comes from MEDUSA_PUBLISHABLE_KEY when set, otherwise from the backend's
 * `GET /public/storefront-config`, so nobody has to copy it by hand. A failed lookup is not
 * cached: the next request tries again, which lets the storefront start before the backend.
 */
export function createPublishableKeySource({
  backendUrl,
  configuredKey,
  fetchImpl,
}: {
  backendUrl: string;
  configuredKey?: string;
  fetchImpl?: typeof fetch;
}): PublishableKeySource {
  let knownKey = configuredKey;
  // Concurrent first requests share one lookup instead of each asking the backend.
  let lookup: Promise<string> | undefined;

  return {
    async get() {
      if (knownKey) return knownKey;
      // The global fetch is looked up per call, so a test that stubs it reaches this too.
      lookup ??= fetchPublishableKey(backendUrl, fetchImpl ?? fetch)
        .then((key) => {
          knownKey = key;
          return key;
        })
        .finally(() => {
          lookup = undefined;
        });
      return lookup;
    },
    forget() {
      knownKey = configuredKey;
    },
  };
}

async function fetchPublishableKey(backendUrl: string, fetchImpl: typeof fetch): Promise<string> {
  const url = `${backendUrl}${STOREFRONT_CONFIG_PATH}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new BackendUnavailableError(`Could not reach ${url}`, { cause });
  }
  if (!response.ok) {
    // The backend explains itself (e.g. "No publishable key yet: run the seed"); keep that for the log.
    const explanation = await response
      .json()
      .then((body: unknown) => z.object({ message: z.string() }).parse(body).message)
      .catch(() => response.statusText);
    throw new BackendUnavailableError(`${url} answered ${response.status}: ${explanation}`);
  }
  const config = storefrontConfigSchema.safeParse(await response.json().catch(() => undefined));
  if (!config.success) {
    throw new BackendUnavailableError(`${url} did not answer with a publishable_key`);
  }
  return config.data.publishable_key;
}
