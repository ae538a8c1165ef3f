import type Medusa from "@medusajs/js-sdk";

export type BackendStatus = "up" | "down";

// The status line must not hold up the page when the backend hangs.
const HEALTH_TIMEOUT_MS = 2_000;

/** Asks the backend's `GET /health`, which answers "OK" when it can serve requests. */
export async function checkBackendHealth(medusa: Medusa): Promise<BackendStatus> {
  try {
    const response = await medusa.client.fetch<Response>("/health", {
      // Any accept header but JSON makes the SDK hand back the raw response.
      headers: { accept: "text/plain" },
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
    return (await response.text()).trim() === "OK" ? "up" : "down";
  } catch {
    return "down";
  }
}
