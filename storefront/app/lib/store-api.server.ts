import type { Locale } from "@tianyuan/web-common/locale.ts";
import { BackendUnavailableError, type PublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";

// Most answers come within this; completing a checkout (several orders, reservations, the payment)
// is given longer.
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The backend refused a store request in a way the buyer may act on: `{ type, code, message }` of
 * docs/api/orders.md, the message already in the buyer's language. Medusa's own errors carry a
 * generic code ("invalid_request_error") or none ("unknown").
 */
export class StoreError extends Error {
  override name = "StoreError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isStoreError(error: unknown, status?: number): error is StoreError {
  return error instanceof StoreError && (status === undefined || error.status === status);
}

export type StoreRequest = {
  method?: "GET" | "POST" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** The signed-in customer's JWT. */
  token?: string;
  locale: Locale;
  timeoutMs?: number;
};

export type CallStore = (path: string, request: StoreRequest) => Promise<unknown>;

/**
 * Calls a `/store/*` or `/auth/*` route with the publishable key and answers its JSON body. An error
 * answer throws StoreError; a backend that cannot be reached, times out, answers 502–504 or rejects
 * the key throws BackendUnavailableError, which pages turn into a 503.
 */
export function createStoreCaller({
  backendUrl,
  publishableKeys,
  fetchImpl,
}: {
  backendUrl: string;
  publishableKeys: PublishableKeySource;
  fetchImpl?: typeof fetch;
}): CallStore {
  return async function callStore(path, { method = "GET", body, token, locale, timeoutMs = REQUEST_TIMEOUT_MS }) {
    const key = await publishableKeys.get();
    const headers = new Headers({
      accept: "application/json",
      "x-publishable-api-key": key,
      "x-tianyuan-locale": locale,
      "accept-language": locale,
    });
    if (body !== undefined) headers.set("content-type", "application/json");
    if (token) headers.set("authorization", `Bearer ${token}`);

    let response: Response;
    try {
      // The global fetch is looked up per call, so a test that stubs it reaches this too.
      response = await (fetchImpl ?? fetch)(`${backendUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new BackendUnavailableError(`${method} ${path}: the backend is not answering`, { cause });
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      throw new BackendUnavailableError(`${method} ${path}: the backend answered ${response.status}`);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok) return answer ?? {};

    const { code, message } = (typeof answer === "object" && answer !== null ? answer : {}) as Record<string, unknown>;
    const text = typeof message === "string" && message !== "" ? message : response.statusText;
    if ((response.status === 400 || response.status === 401) && /publishable (api )?key/i.test(text)) {
      // The backend's key changed (a fresh database, say): fetch the new one next time.
      publishableKeys.forget();
      throw new BackendUnavailableError("The backend rejected the publishable key");
    }
    throw new StoreError(response.status, typeof code === "string" && code !== "" ? code : "unknown", text);
  };
}

// Medusa's own errors carry one of these generic codes (or none) and an English message; ours carry a
// code of their own and a message already in the buyer's language (x-tianyuan-locale).
const MEDUSA_GENERIC_CODES = new Set(["unknown", "unknown_error", "invalid_request_error", "invalid_state_error", "api_error"]);

/** True when the backend wrote the message for the buyer (one of our codes), in the buyer's language. */
export function speaksToBuyer(error: StoreError): boolean {
  return !MEDUSA_GENERIC_CODES.has(error.code);
}

/** A refusal the buyer can act on (4xx); a 5xx is a bug and goes on to the error page. */
export function isBuyerRefusal(error: unknown): error is StoreError {
  return error instanceof StoreError && error.status >= 400 && error.status < 500;
}
