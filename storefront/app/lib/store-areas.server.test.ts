import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { findArea, findPublicVillage, listProvinces } from "./store-areas.server";

const zhejiang = {
  code: "33",
  name: "浙江省",
  level: "province",
  pinyin: "zhejiang",
  active_village_count: 1,
  village: null,
};

let requests: Request[] = [];

function backendAnswering(answer: (request: Request) => Response) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      requests.push(request);
      if (new URL(request.url).pathname === "/public/storefront-config") {
        return Response.json({ publishable_key: "pk_test" });
      }
      return answer(request);
    }),
  );
}

const storeRequests = () => requests.filter((request) => new URL(request.url).pathname.startsWith("/store/"));

beforeEach(() => {
  requests = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("store areas", () => {
  it("asks for the provinces in the reader's language with the publishable key", async () => {
    backendAnswering(() => Response.json({ areas: [zhejiang] }));
    expect(await listProvinces("en")).toEqual([
      { code: "33", name: "浙江省", level: "province", active_village_count: 1, village: null },
    ]);
    const [request] = storeRequests();
    expect(new URL(request?.url ?? "").pathname).toBe("/store/areas");
    expect(request?.headers.get("x-tianyuan-locale")).toBe("en");
    expect(request?.headers.get("x-publishable-api-key")).toBe("pk_test");
  });

  it.each([
    [400, "invalid_area_code"],
    [404, "area_not_found"],
  ])("has no area when the backend answers %i %s", async (status, code) => {
    backendAnswering(() => Response.json({ type: "invalid_data", code, message: "没有找到这个地区。" }, { status }));
    expect(await findArea("33x", "zh-CN")).toBeNull();
  });

  it("escapes the code it puts into the path", async () => {
    backendAnswering(() => Response.json({ message: "no" }, { status: 404 }));
    await findArea("../admin", "zh-CN");
    expect(new URL(storeRequests()[0]?.url ?? "").pathname).toBe("/store/areas/..%2Fadmin");
  });

  it("lets other failures through, so bugs are not shown as a missing page", async () => {
    backendAnswering(() => Response.json({ message: "boom" }, { status: 500 }));
    await expect(findArea("33", "zh-CN")).rejects.toMatchObject({ status: 500 });
  });

  it("has no village page for an unknown or inactive village", async () => {
    backendAnswering(() => Response.json({ code: "village_not_found", message: "No such village" }, { status: 404 }));
    expect(await findPublicVillage("nowhere", "en")).toBeNull();
  });
});
