import { describe, expect, it, vi } from "vitest";

import { BackendUnavailableError, createPublishableKeySource } from "./publishable-key.server.ts";

const backendUrl = "http://backend.test:9000";

function answering(...answers: Array<Response | Error>) {
  const fetchImpl = vi.fn<typeof fetch>();
  for (const answer of answers) {
    if (answer instanceof Error) fetchImpl.mockRejectedValueOnce(answer);
    else fetchImpl.mockResolvedValueOnce(answer);
  }
  return fetchImpl;
}

const storefrontConfig = (publishableKey: string) => Response.json({ publishable_key: publishableKey });

describe("createPublishableKeySource", () => {
  it("uses MEDUSA_PUBLISHABLE_KEY without asking the backend", async () => {
    const fetchImpl = answering();
    const keys = createPublishableKeySource({ backendUrl, configuredKey: "pk_configured", fetchImpl });
    expect(await keys.get()).toBe("pk_configured");
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("asks /public/storefront-config once and remembers the answer", async () => {
    const fetchImpl = answering(storefrontConfig("pk_from_backend"));
    const keys = createPublishableKeySource({ backendUrl, fetchImpl });
    expect(await keys.get()).toBe("pk_from_backend");
    expect(await keys.get()).toBe("pk_from_backend");
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(String(fetchImpl.mock.calls[0]?.[0])).toBe(`${backendUrl}/public/storefront-config`);
  });

  it("shares one lookup between concurrent first requests", async () => {
    const fetchImpl = answering(storefrontConfig("pk_shared"));
    const keys = createPublishableKeySource({ backendUrl, fetchImpl });
    expect(await Promise.all([keys.get(), keys.get(), keys.get()])).toEqual(["pk_shared", "pk_shared", "pk_shared"]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it("tries again on the next request when the backend was not up yet", async () => {
    const fetchImpl = answering(new TypeError("fetch failed"), storefrontConfig("pk_later"));
    const keys = createPublishableKeySource({ backendUrl, fetchImpl });
    await expect(keys.get()).rejects.toBeInstanceOf(BackendUnavailableError);
    expect(await keys.get()).toBe("pk_later");
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it.each([
    ["an error status", new Response("starting", { status: 503 })],
    ["no key in the answer", Response.json({ something: "else" })],
    ["a key that is not publishable", Response.json({ publishable_key: "sk_secret" })],
    ["a body that is not JSON", new Response("<html>", { status: 200 })],
  ])("reports the backend unavailable for %s", async (_case, answer) => {
    const keys = createPublishableKeySource({ backendUrl, fetchImpl: answering(answer) });
    await expect(keys.get()).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it("passes on the backend's explanation, such as a missing seed", async () => {
    const answer = Response.json({ type: "not_found", message: "No publishable key yet: run the seed (npm run seed)" }, { status: 404 });
    const keys = createPublishableKeySource({ backendUrl, fetchImpl: answering(answer) });
    await expect(keys.get()).rejects.toThrow(/answered 404: No publishable key yet: run the seed/);
  });

  it("asks again after a rejected key is forgotten", async () => {
    const fetchImpl = answering(storefrontConfig("pk_old"), storefrontConfig("pk_new"));
    const keys = createPublishableKeySource({ backendUrl, fetchImpl });
    expect(await keys.get()).toBe("pk_old");
    keys.forget();
    expect(await keys.get()).toBe("pk_new");
  });

  it("keeps a configured key even after forget", async () => {
    const fetchImpl = answering();
    const keys = createPublishableKeySource({ backendUrl, configuredKey: "pk_configured", fetchImpl });
    keys.forget();
    expect(await keys.get()).toBe("pk_configured");
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
