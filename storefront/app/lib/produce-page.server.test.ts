import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { originHref } from "./produce-page";
import {
  findCertificate,
  findCooperative,
  findProduce,
  originText,
  toCertificatePage,
  toProduceCard,
  toProducePage,
  type StoreProduce,
} from "./produce-page.server";

const url = (name: string) => `http://backend.test/media/photos/${name}`;

const photo = {
  id: "photo_1",
  width: 1600,
  height: 1200,
  placeholder: "2RoDFYZwd3eHiIiHiHiHh3CH93d3",
  variants: [
    { width: 320, format: "webp", url: url("a-320.webp") },
    { width: 640, format: "webp", url: url("a-640.webp") },
    { width: 1280, format: "webp", url: url("a-1280.webp") },
    { width: 1280, format: "jpeg", url: url("a-1280.jpg") },
  ],
};

const origin = {
  area_code: "610629102201",
  // Out of order on purpose: the breadcrumb still goes province first.
  areas: [
    { code: "610629", name: "洛川县", level: "county" },
    { code: "61", name: "陕西省", level: "province" },
    { code: "6106", name: "延安市", level: "city" },
    { code: "610629102", name: "凤栖街道", level: "town" },
    { code: "610629102201", name: "桐堤村", level: "village" },
  ],
  village: { handle: "tongdi", name: "桐堤村" },
};

/** A produce as `GET /store/produce/:handle` answers it (docs/api/produce.md). */
function storeProduce(change: Record<string, unknown> = {}) {
  return {
    id: "prod_1",
    handle: "luochuan-apples",
    title: "洛川红富士苹果",
    title_en: "Luochuan Fuji apples",
    description: "脆甜多汁。\n\n果园在塬上。",
    description_en: null,
    status: "published",
    archived: false,
    thumbnail: url("a-640.webp"),
    unit: "box",
    net_weight_grams: 5000,
    grade: "特级",
    variety: "红富士",
    harvest_date: "2026-10-01T00:00:00.000Z",
    preorder_opens_at: "2026-08-01T00:00:00.000Z",
    preorder_closes_at: "2026-09-20T00:00:00.000Z",
    ships_from: "2026-10-05T00:00:00.000Z",
    origin_area_code: "610629102201",
    storage: "chilled",
    certifications: ["绿色食品", " 地理标志 "],
    story: "我家种苹果三十年。",
    photos: [photo],
    farmer: { id: "mem_1", real_name: "李秀英" },
    cooperative: { id: "coop_1", name: "桐堤苹果合作社", handle: "tongdi-apples", village_code: "610629102201" },
    certificates: [
      { id: "cert_1", issued_on: "2026-09-01T02:00:00.000Z" },
      { id: "cert_2", issued_on: "2026-10-02T02:00:00.000Z" },
    ],
    variants: [
      { id: "var_1", title: "5斤装", price: 39.9, price_fen: 3990, stock: 120 },
      { id: "var_2", title: "10斤装", price: 69, price_fen: 6900, stock: 0 },
    ],
    created_at: "2026-07-30T08:00:00.000Z",
    ...change,
  };
}

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

async function loadedProduce(change: Record<string, unknown> = {}): Promise<StoreProduce> {
  backendAnswering(() => Response.json({ produce: { ...storeProduce(change), origin } }));
  const produce = await findProduce("luochuan-apples", "zh-CN");
  if (!produce) throw new Error("expected produce");
  return produce;
}

describe("findProduce", () => {
  it("asks the store for the produce in the reader's language, with the publishable key", async () => {
    const produce = await loadedProduce();
    expect(produce.title).toBe("洛川红富士苹果");
    const [request] = storeRequests();
    expect(new URL(request?.url ?? "").pathname).toBe("/store/produce/luochuan-apples");
    expect(request?.headers.get("x-tianyuan-locale")).toBe("zh-CN");
    expect(request?.headers.get("x-publishable-api-key")).toBe("pk_test");
  });

  it("answers null for archived, unpublished or unknown produce (404)", async () => {
    backendAnswering(() =>
      Response.json({ type: "not_found", code: "produce_not_found", message: "没有找到" }, { status: 404 }),
    );
    expect(await findProduce("gone", "zh-CN")).toBeNull();
  });

  it("refuses an answer with a unit it does not know, rather than guessing", async () => {
    backendAnswering(() => Response.json({ produce: { ...storeProduce({ unit: "ton" }), origin } }));
    await expect(findProduce("luochuan-apples", "zh-CN")).rejects.toThrow();
  });
});

describe("toProducePage", () => {
  const now = new Date("2026-08-15T00:00:00Z");

  it("shows the farmer's English to English readers and the Chinese otherwise", async () => {
    const produce = await loadedProduce();
    expect(toProducePage(produce, "en", now).title).toBe("Luochuan Fuji apples");
    expect(toProducePage(produce, "zh-CN", now).title).toBe("洛川红富士苹果");
    // No English description: the Chinese one, a paragraph per line.
    expect(toProducePage(produce, "en", now).paragraphs).toEqual(["脆甜多汁。", "果园在塬上。"]);
  });

  it("gives the photos their webp srcset, jpeg fallback, box and placeholder colour", async () => {
    const page = toProducePage(await loadedProduce(), "zh-CN", now);
    expect(page.photos).toEqual([
      {
        webpSrcSet: `${url("a-320.webp")} 320w, ${url("a-640.webp")} 640w, ${url("a-1280.webp")} 1280w`,
        src: url("a-1280.jpg"),
        width: 1600,
        height: 1200,
        background: "#cb3d27",
        largestUrl: url("a-1280.webp"),
      },
    ]);
  });

  it("weighs a box or a piece, never produce sold by weight", async () => {
    expect(toProducePage(await loadedProduce(), "zh-CN", now).netWeight).toEqual({ key: "kilograms", value: "5" });
    expect(toProducePage(await loadedProduce({ unit: "jin" }), "zh-CN", now).netWeight).toBeNull();
    expect(toProducePage(await loadedProduce({ net_weight_grams: null }), "zh-CN", now).netWeight).toBeNull();
  });

  it("says where the pre-order window stands", async () => {
    const produce = await loadedProduce();
    expect(toProducePage(produce, "zh-CN", new Date("2026-07-01T00:00:00Z")).preorder?.state).toBe("upcoming");
    expect(toProducePage(produce, "zh-CN", now).preorder).toEqual({
      state: "open",
      opensAt: "2026-08-01T00:00:00.000Z",
      closesAt: "2026-09-20T00:00:00.000Z",
    });
    expect(toProducePage(produce, "zh-CN", new Date("2026-09-21T00:00:00Z")).preorder?.state).toBe("closed");
    expect(toProducePage(await loadedProduce({ preorder_opens_at: null }), "zh-CN", now).preorder).toBeNull();
  });

  it("lays the origin out province first, the village linked to its page", async () => {
    const page = toProducePage(await loadedProduce(), "zh-CN", now);
    expect(page.origin.trail.map((crumb) => crumb.name)).toEqual(["陕西省", "延安市", "洛川县", "凤栖街道", "桐堤村"]);
    expect(originHref(page.origin, "610629102201")).toBe("/villages/tongdi");
    expect(originHref(page.origin, "610629")).toBe("/areas/610629");
  });

  it("keeps what the page lists tidy: titles only for several variants, newest certificate first", async () => {
    const page = toProducePage(await loadedProduce(), "zh-CN", now);
    expect(page.showVariantTitles).toBe(true);
    expect(page.certifications).toEqual(["绿色食品", "地理标志"]);
    expect(page.certificates.map((certificate) => certificate.id)).toEqual(["cert_2", "cert_1"]);
    expect(page.cooperative).toEqual({ name: "桐堤苹果合作社", handle: "tongdi-apples" });
    expect(page.farmerName).toBe("李秀英");
    expect(page.story).toEqual(["我家种苹果三十年。"]);
  });
});

describe("cooperative page", () => {
  it("reads the cooperative and turns its produce into cards with the unit and the lowest price", async () => {
    backendAnswering(() =>
      Response.json({
        cooperative: {
          id: "coop_1",
          name: "桐堤苹果合作社",
          handle: "tongdi-apples",
          description: null,
          contact_name: "王建国",
          photo_url: null,
          origin,
        },
        produce: [storeProduce()],
      }),
    );
    const answer = await findCooperative("tongdi-apples", "en");
    expect(new URL(storeRequests()[0]?.url ?? "").pathname).toBe("/store/cooperatives/tongdi-apples");
    const [card] = answer?.produce.map((produce) => toProduceCard(produce, "en")) ?? [];
    expect(card).toEqual({
      id: "prod_1",
      title: "Luochuan Fuji apples",
      handle: "luochuan-apples",
      thumbnail: url("a-640.webp"),
      price: { amount: 39.9, currencyCode: "cny", varies: true },
      photo: {
        srcSet: `${url("a-320.webp")} 320w, ${url("a-640.webp")} 640w, ${url("a-1280.webp")} 1280w`,
        background: "#cb3d27",
      },
      unit: "box",
    });
  });
});

describe("certificates", () => {
  const certificate = {
    id: "cert_1",
    product_name: "洛川红富士苹果",
    quantity: "500 斤",
    producer_name: "桐堤苹果合作社（李秀英）",
    origin,
    contact: "王建国 13900000001",
    issued_on: "2026-09-01T02:00:00.000Z",
    commitment: "我承诺对生产销售的食用农产品……",
    produce: { handle: "luochuan-apples", title: "洛川红富士苹果" },
  };

  it("reads a certificate and writes its origin as an address", async () => {
    backendAnswering(() => Response.json({ certificate }));
    const found = await findCertificate("cert_1", "zh-CN");
    if (!found) throw new Error("expected a certificate");
    const page = toCertificatePage(found, "zh-CN");
    expect(page.origin).toBe("陕西省延安市洛川县凤栖街道桐堤村");
    expect(page.originVillage).toEqual({ handle: "tongdi", name: "桐堤村" });
    expect(page.produce).toEqual({ handle: "luochuan-apples", title: "洛川红富士苹果" });
    expect(toCertificatePage(found, "en").origin).toBe("陕西省 延安市 洛川县 凤栖街道 桐堤村");
  });

  it("takes an origin given as a bare area code, and a certificate of produce gone", async () => {
    backendAnswering(() => Response.json({ certificate: { ...certificate, origin: "610629102201", produce: null } }));
    const found = await findCertificate("cert_1", "zh-CN");
    expect(found && toCertificatePage(found, "zh-CN")).toMatchObject({
      origin: "610629102201",
      originVillage: null,
      produce: null,
    });
    expect(originText({ area_code: "61", areas: [], village: null }, "zh-CN")).toBe("61");
  });
});
