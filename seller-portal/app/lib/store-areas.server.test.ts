import { BackendUnavailableError, type PublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";
import { describe, expect, it, vi } from "vitest";

import { BackendError, type BackendRequest } from "./backend.server";
import { createStoreAreas } from "./store-areas.server";

function keys(
  get: () => Promise<string> = async () => "pk_1",
): PublishableKeySource & { forget: ReturnType<typeof vi.fn> } {
  return { get, forget: vi.fn() };
}

const province = {
  code: "33",
  name: "浙江省",
  level: "province",
  pinyin: "zhejiang",
  active_village_count: 2,
  village: null,
};

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("createStoreAreas", () => {
  it("asks for the provinces with the publishable key, in the member's language", async () => {
    const calls: [string, BackendRequest][] = [];
    const areas = createStoreAreas({
      callBackend: async (path, request) => {
        calls.push([path, request]);
        return { areas: [province] };
      },
      publishableKeys: keys(),
    });
    expect(await areas.listProvinces("en")).toHaveLength(1);
    expect(calls).toEqual([["/store/areas", { publishableKey: "pk_1", locale: "en" }]]);
  });

  it.each([400, 404])("has no area when the backend answers %i", async (status) => {
    const areas = createStoreAreas({
      callBackend: async () => {
        throw new BackendError(status, "area_not_found", "没有找到这个地区。");
      },
      publishableKeys: keys(),
    });
    expect(await areas.findArea("99", "zh-CN")).toBeNull();
  });

  it("forgets a publishable key the backend rejects and answers 503 this time", async () => {
    const publishableKeys = keys();
    const areas = createStoreAreas({
      callBackend: async () => {
        throw new BackendError(400, "unknown", "A valid publishable key is required to proceed with the request");
      },
      publishableKeys,
    });
    const error = await thrownBy(areas.findArea("33", "zh-CN"));
    expect((error as Response).status).toBe(503);
    expect(publishableKeys.forget).toHaveBeenCalledOnce();
  });

  it("answers 503 when there is no publishable key to be had", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const areas = createStoreAreas({
      callBackend: vi.fn(),
      publishableKeys: keys(async () => {
        throw new BackendUnavailableError("Could not reach the backend");
      }),
    });
    expect(((await thrownBy(areas.listProvinces("zh-CN"))) as Response).status).toBe(503);
    warn.mockRestore();
  });
});
