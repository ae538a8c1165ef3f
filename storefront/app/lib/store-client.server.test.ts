import { FetchError } from "@medusajs/js-sdk";
import { BackendUnavailableError, type PublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";
import { afterEach, describe, expect, it, vi } from "vitest";

import { createStoreClients } from "./store-client.server";

const backendUrl = "http://backend.test:9000";

function fixedKeys(...keys: string[]): PublishableKeySource & { forget: ReturnType<typeof vi.fn> } {
  let index = 0;
  return {
    get: async () => keys[Math.min(index, keys.length - 1)] ?? "pk_missing",
    forget: vi.fn(() => {
      index += 1;
    }),
  };
}

function backendAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      requests.push(request);
      return answer(request);
    }),
  );
  return requests;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createStoreClients", () => {
  it("sends the publishable key with every store request", async () => {
    const requests = backendAnswering(() => Response.json({ regions: [], count: 0, offset: 0, limit: 50 }));
    const { withStoreClient } = createStoreClients({ backendUrl, publishableKeys: fixedKeys("pk_village") });

    await withStoreClient((sdk) => sdk.store.region.list());

    expect(requests[0]?.url).toBe(`${backendUrl}/store/regions`);
    expect(requests[0]?.headers.get("x-publishable-api-key")).toBe("pk_village");
  });

  it("reports a backend that refuses connections as unavailable", async () => {
    backendAnswering(() => {
      throw new TypeError("fetch failed");
    });
    const { withStoreClient } = createStoreClients({ backendUrl, publishableKeys: fixedKeys("pk_village") });

    await expect(withStoreClient((sdk) => sdk.store.region.list())).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it("reports a backend that is still starting (503) as unavailable", async () => {
    backendAnswering(() => Response.json({ message: "starting" }, { status: 503 }));
    const { withStoreClient } = createStoreClients({ backendUrl, publishableKeys: fixedKeys("pk_village") });

    await expect(withStoreClient((sdk) => sdk.store.region.list())).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it("forgets a rejected key and uses the next one", async () => {
    const requests = backendAnswering((request) =>
      request.headers.get("x-publishable-api-key") === "pk_new"
        ? Response.json({ regions: [], count: 0, offset: 0, limit: 50 })
        : Response.json(
            { type: "not_allowed", message: "A valid publishable key is required to proceed with the request" },
            { status: 400 },
          ),
    );
    const publishableKeys = fixedKeys("pk_old", "pk_new");
    const { withStoreClient } = createStoreClients({ backendUrl, publishableKeys });

    await expect(withStoreClient((sdk) => sdk.store.region.list())).rejects.toBeInstanceOf(BackendUnavailableError);
    expect(publishableKeys.forget).toHaveBeenCalledOnce();
    await expect(withStoreClient((sdk) => sdk.store.region.list())).resolves.toMatchObject({ regions: [] });
    expect(requests.map((request) => request.headers.get("x-publishable-api-key"))).toEqual(["pk_old", "pk_new"]);
  });

  it("lets other failures through unchanged, so bugs are not hidden as outages", async () => {
    backendAnswering(() => Response.json({ message: "Product not found" }, { status: 404 }));
    const { withStoreClient } = createStoreClients({ backendUrl, publishableKeys: fixedKeys("pk_village") });

    const failure = withStoreClient((sdk) => sdk.store.product.retrieve("prod_missing"));
    await expect(failure).rejects.toBeInstanceOf(FetchError);
    await expect(failure).rejects.toMatchObject({ status: 404 });
  });
});
