import type { Locale } from "@tianyuan/web-common/locale.ts";

// Every answer the portal waits for comes within this, or the page says the backend is unavailable.
const REQUEST_TIMEOUT_MS = 10_000;

// A photo upload goes at the member's pace (a phone on a village connection) and is then resized by
// the backend, so it may take minutes rather than seconds.
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * The backend answered with an error the member may act on: `{ code, message }` from the village
 * plugin, the message already in the member's language. Medusa's own routes (log in) may answer
 * without a code; then `code` is "unknown".
 */
export class BackendError extends Error {
  override name = "BackendError";

  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function isBackendError(error: unknown, status?: number): error is BackendError {
  return error instanceof BackendError && (status === undefined || error.status === status);
}

export type BackendRequest = {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /**
   * Sent as it is instead of JSON: a multipart form the portal built, or a browser's multipart body
   * streamed through (then `contentType` carries its boundary).
   */
  upload?: { body: FormData } | { body: ReadableStream<Uint8Array>; contentType: string };
  /** The member's JWT, for `/portal/*`. */
  token?: string;
  /** For `/store/*`. */
  publishableKey?: string;
  locale: Locale;
};

export type CallBackend = (path: string, request: BackendRequest) => Promise<unknown>;

/**
 * Calls the backend and answers its JSON body. An error answer throws BackendError. A backend
 * that cannot be reached, times out or answers 502–504 throws a 503 Response, which the root error
 * page explains as "unavailable": no page of the portal can do its work without the backend.
 */
export function createBackendCaller({
  backendUrl,
  fetchImpl,
}: {
  backendUrl: string;
  fetchImpl?: typeof fetch;
}): CallBackend {
  return async function callBackend(path, { method = "GET", body, upload, token, publishableKey, locale }) {
    const headers = new Headers({ accept: "application/json", "x-tianyuan-locale": locale });
    if (body !== undefined) headers.set("content-type", "application/json");
    // A FormData body sets its own multipart content type, boundary included.
    if (upload && "contentType" in upload) headers.set("content-type", upload.contentType);
    if (token) headers.set("authorization", `Bearer ${token}`);
    if (publishableKey) headers.set("x-publishable-api-key", publishableKey);

    let response: Response;
    try {
      response = await (fetchImpl ?? fetch)(`${backendUrl}${path}`, {
        method,
        headers,
        body: upload ? upload.body : body === undefined ? undefined : JSON.stringify(body),
        // Node's fetch sends a stream only when told it will not wait for the answer before sending.
        ...(upload?.body instanceof ReadableStream ? { duplex: "half" } : {}),
        signal: AbortSignal.timeout(upload ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS),
      } as RequestInit);
    } catch (cause) {
      console.warn(`[seller-portal] ${method} ${path}: the backend is not answering (${String(cause)})`);
      throw backendUnavailable();
    }

    if (response.status === 502 || response.status === 503 || response.status === 504) {
      console.warn(`[seller-portal] ${method} ${path}: the backend answered ${response.status}`);
      throw backendUnavailable();
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toBackendError(response, answer);
    return answer ?? {};
  };
}

function backendUnavailable(): Response {
  return new Response("Service Unavailable", { status: 503, headers: { "Retry-After": "30" } });
}

function toBackendError(response: Response, answer: unknown): BackendError {
  const { code, message } = (typeof answer === "object" && answer !== null ? answer : {}) as Record<string, unknown>;
  return new BackendError(
    response.status,
    typeof code === "string" && code !== "" ? code : "unknown",
    typeof message === "string" && message !== "" ? message : response.statusText,
  );
}

/**
 * For pages about one village or request: the backend's 404 (unknown, or not this member's —
 * indistinguishable by design) becomes the portal's translated 404 page.
 */
export async function notFoundWhenMissing<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isBackendError(error, 404)) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}
