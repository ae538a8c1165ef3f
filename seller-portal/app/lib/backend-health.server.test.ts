import Medusa from "@medusajs/js-sdk";
import { afterEach, describe, expect, it, vi } from "vitest";

import { checkBackendHealth } from "./backend-health.server";

const medusa = new Medusa({
  baseUrl: "http://backend.test:9000",
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});

function backendAnswering(answer: () => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answer());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("checkBackendHealth", () => {
  it("is up when /health answers OK", async () => {
    const fetchMock = backendAnswering(() => new Response("OK", { status: 200 }));
    expect(await checkBackendHealth(medusa)).toBe("up");
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe("http://backend.test:9000/health");
  });

  it("is down when the backend refuses connections", async () => {
    backendAnswering(() => {
      throw new TypeError("fetch failed");
    });
    expect(await checkBackendHealth(medusa)).toBe("down");
  });

  it("is down when /health answers an error", async () => {
    backendAnswering(() => new Response("Service Unavailable", { status: 503 }));
    expect(await checkBackendHealth(medusa)).toBe("down");
  });

  it("is down when something else answers on that port", async () => {
    backendAnswering(() => new Response("<html>hello</html>", { status: 200 }));
    expect(await checkBackendHealth(medusa)).toBe("down");
  });
});
